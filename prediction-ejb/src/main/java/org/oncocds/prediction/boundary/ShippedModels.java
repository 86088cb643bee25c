package org.oncocds.prediction.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.prediction.control.ModelLoadRefusedException;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.TrainedModel;

/**
 * At application start: a shipped task without any stored version gets version 1 trained on its shipped data and
 * stored as VALIDATED (never ACTIVE: activation needs a fairness approval); then each task's ACTIVE version (uploaded
 * tasks included) is loaded and checked, so that a refused model shows in the log at start rather than at the first patient.
 * <p>
 * Runs after {@code PredictionSchema} has brought the tables to the current schema version. Not transactional itself:
 * storing and validating commit one by one, each with its governance record.
 */
@Singleton
@Startup
@DependsOn("PredictionSchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShippedModels {

    static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(ShippedModels.class.getName());

    @Inject
    ModelRegistry registry;

    @Inject
    VersionRegistration registration;

    /** The server's executor, so the bootstrap models train on every core. */
    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        Executor training = executor != null ? executor : Runnable::run;
        for (TaskDefinition task : registry.shippedTasks()) {
            if (!registration.hasVersions(task.id())) {
                trainFirstVersion(task, training);
            }
        }
        // Uploaded tasks too: their versions are trained by administrators, never here.
        registry.tasks().forEach(this::loadAnsweringVersion);
    }

    void trainFirstVersion(TaskDefinition task, Executor training) {
        TrainedModel model = registry.train(task.id(), training, fold -> {
        });
        String version;
        try {
            version = registration.storeDraft(model, SYSTEM);
        } catch (RuntimeException e) {
            // Two servers of one installation starting at once on an empty registry both train version 1; the
            // database's unique version number lets one store it. The other uses that one instead of failing to start.
            if (registration.hasVersions(task.id())) {
                LOG.info(() -> "another server stored the first version of " + task.id() + " first; this server "
                        + "uses the stored versions");
                return;
            }
            throw e;
        }
        try {
            registration.validate(version, SYSTEM);
        } catch (LifecycleRefusedException e) {
            LOG.severe(() -> "the first version of " + task.id() + " did not validate: " + e.getMessage());
        }
    }

    private void loadAnsweringVersion(TaskDefinition task) {
        try {
            if (!registration.loadAnswering(task.id())) {
                LOG.info(() -> "task " + task.id() + " has no ACTIVE version: recommendations are refused until a"
                        + " compliance officer approves a version and an administrator activates it");
            }
        } catch (ModelLoadRefusedException e) {
            LOG.log(Level.SEVERE, e.getMessage(), e);
        }
    }
}
