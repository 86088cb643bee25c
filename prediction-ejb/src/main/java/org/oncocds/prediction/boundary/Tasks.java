package org.oncocds.prediction.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinition;

/** The prediction tasks this installation answers, each with its inputs and its active model. */
@Stateless
public class Tasks {

    @Inject
    ModelRegistry registry;

    public List<TaskDescription> all() {
        return registry.tasks().stream().map(this::describe).toList();
    }

    public Optional<TaskDescription> byId(String taskId) {
        return registry.task(taskId).map(this::describe);
    }

    /**
     * The cross-validation of the task's active model: its metrics and every out-of-fold prediction (for the fairness
     * checks); empty for an unknown task.
     */
    public Optional<CrossValidation> crossValidation(String taskId) {
        return registry.task(taskId).map(task -> Descriptions.crossValidation(task.id(), registry.activeModel(task
                .id())));
    }

    private TaskDescription describe(TaskDefinition task) {
        return Descriptions.task(task, registry.activeModel(task.id()));
    }
}
