package org.oncocds.prediction.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.oncocds.prediction.control.AnsweringModels;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.VersionStore;

/** The prediction tasks this installation answers, each with its inputs and its active model. */
@Stateless
public class Tasks {

    @EJB
    ModelRegistry registry;

    @EJB
    VersionStore store;

    @Inject
    AnsweringModels answering;

    public List<TaskDescription> all() {
        return registry.tasks().stream().map(this::describe).toList();
    }

    /**
     * Whether the model registry is loaded: every SHIPPED task has a version that passed validation (VALIDATED, APPROVED
     * or ACTIVE), which the first start stores before the application takes requests. A task an administrator uploaded
     * has no version until one is trained, so it does not count: adding a task never turns the server's readiness down.
     * Says nothing about approval: see {@link #modelStatus()}. For readiness checks; no role needed.
     */
    public boolean ready() {
        return registry.tasks().stream().filter(task -> !task.uploaded())
                .allMatch(task -> store.ofTask(task.id()).stream().anyMatch(version -> Set.of(
                        "VALIDATED", "APPROVED", "ACTIVE").contains(version.getState())));
    }

    /**
     * Per task, in the tasks' order: {@code "active <version>"} when a version answers it, else
     * {@code "awaiting approval"} (no version ACTIVE: recommendations are refused). No role needed.
     */
    public Map<String, String> modelStatus() {
        Map<String, String> status = new LinkedHashMap<>();
        for (TaskDefinition task : registry.tasks()) {
            status.put(task.id(), AnsweringVersions.of(store, task.id()).map(version -> "active " + version
                    .getVersion()).orElse("awaiting approval"));
        }
        return status;
    }

    public Optional<TaskDescription> byId(String taskId) {
        return registry.task(taskId).map(this::describe);
    }

    /**
     * The cross-validation of the task's ACTIVE version:
     * its metrics and every out-of-fold prediction (for the fairness checks); empty for an unknown task or one without
     * an ACTIVE version. For a named version use {@link ModelVersions#crossValidation(String)}.
     */
    public Optional<CrossValidation> crossValidation(String taskId) {
        return registry.task(taskId).flatMap(task -> AnsweringVersions.of(store, task.id())).map(
                Summaries::crossValidation);
    }

    /**
     * The task with its ACTIVE version; {@code activeModel} is null when it has none. The version is the one
     * {@link AnsweringModels} remembers: after a change on another server, at most a few seconds old.
     */
    private TaskDescription describe(TaskDefinition task) {
        return Descriptions.task(task, answering.of(task.id()).orElse(null));
    }
}
