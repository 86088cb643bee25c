package org.oncocds.prediction.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.VersionStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The prediction tasks this installation answers, each with its inputs and its active model. */
@Stateless
public class Tasks {

    @Inject
    ModelRegistry registry;

    @Inject
    VersionStore store;

    @Inject
    @ConfigProperty(name = AnsweringVersions.REQUIRE_ACTIVE, defaultValue = "false")
    boolean requireActive;

    public List<TaskDescription> all() {
        return registry.tasks().stream().map(this::describe).toList();
    }

    public Optional<TaskDescription> byId(String taskId) {
        return registry.task(taskId).map(this::describe);
    }

    /**
     * The cross-validation of the version that answers the task (its ACTIVE version; see {@link AnsweringVersions}):
     * its metrics and every out-of-fold prediction (for the fairness checks); empty for an unknown task or one without
     * an answering version. For a named version use {@link ModelVersions#crossValidation(String)}.
     */
    public Optional<CrossValidation> crossValidation(String taskId) {
        return registry.task(taskId).flatMap(task -> AnsweringVersions.of(store, task.id(), requireActive)).map(
                Summaries::crossValidation);
    }

    /** The task with the version that answers it; {@code activeModel} is null when none may answer. */
    private TaskDescription describe(TaskDefinition task) {
        return Descriptions.task(task, AnsweringVersions.of(store, task.id(), requireActive).map(registry::model)
                .orElse(null));
    }
}
