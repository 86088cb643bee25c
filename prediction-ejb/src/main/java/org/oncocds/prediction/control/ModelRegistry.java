package org.oncocds.prediction.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The tasks this installation answers and the active model of each, trained when the application starts so that the
 * first clinician does not wait for it.
 * <p>
 * Bean-managed concurrency: the state is set once before any call and never changed, so readers need no lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    private volatile Map<String, TrainedModel> activeModels = Map.of();

    /** The server's executor, so the bootstrap models train on every core; absent outside a container. */
    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void trainModels() {
        Executor training = executor != null ? executor : Runnable::run;
        LOG.info(() -> "training the bootstrap models " + (executor != null
                ? "on the server's managed executor"
                : "in the starting thread"));
        TrainedModel colon = train(ColonRecurrence.TASK, ColonRecurrence::cohort, training);
        TrainedModel rotterdam = train(RotterdamRelapseFree.TASK, RotterdamRelapseFree::cohort, training);
        activeModels = Map.of(ColonRecurrence.TASK.id(), colon, RotterdamRelapseFree.TASK.id(), rotterdam);
    }

    private static TrainedModel train(TaskDefinition task, Supplier<List<LabelledCase>> cohort, Executor training) {
        long started = System.nanoTime();
        TrainedModel model = ModelTrainer.train(task, cohort.get(), 1, training);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "trained " + model.version() + " on " + model.trainingRows() + " patients with its "
                + "cross-validation and " + model.bootstrapModels() + " bootstrap models in " + millis
                + " ms, SHA-256 " + model.sha256());
        return model;
    }

    public List<TaskDefinition> tasks() {
        return List.of(ColonRecurrence.TASK, RotterdamRelapseFree.TASK);
    }

    public Optional<TaskDefinition> task(String taskId) {
        return tasks().stream().filter(task -> task.id().equals(taskId)).findFirst();
    }

    /** The model that answers for a task. */
    public TrainedModel activeModel(String taskId) {
        TrainedModel model = activeModels.get(taskId);
        if (model == null) {
            throw new NoSuchElementException("no active model for task " + taskId);
        }
        return model;
    }

    /** Whether every task has an active model (the application is ready to answer). */
    public boolean ready() {
        return tasks().stream().allMatch(task -> activeModels.containsKey(task.id()));
    }
}
