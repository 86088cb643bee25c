package org.oncocds.prediction.control;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.oncocds.prediction.entity.StoredTask;

/** Uploaded tasks kept in memory, for unit tests of the boundary. */
public final class MemoryTaskStore implements TaskStore {

    private final LinkedHashMap<String, StoredTask> tasks = new LinkedHashMap<>();

    @Override
    public LinkedHashMap<String, String> definitions() {
        LinkedHashMap<String, String> definitions = new LinkedHashMap<>();
        tasks.forEach((id, task) -> definitions.put(id, task.getDefinitionJson()));
        return definitions;
    }

    @Override
    public Optional<String> definition(String taskId) {
        return find(taskId).map(StoredTask::getDefinitionJson);
    }

    @Override
    public Optional<StoredTask> find(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public void add(StoredTask task) {
        if (tasks.putIfAbsent(task.getTaskId(), task) != null) {
            throw new IllegalStateException("duplicate task id " + task.getTaskId());
        }
    }

    public int size() {
        return tasks.size();
    }

    /** A registry of the shipped tasks and the tasks in {@code store}. */
    public static ModelRegistry registry(TaskStore store) {
        ModelRegistry registry = new ModelRegistry();
        registry.taskStore = store;
        return registry;
    }
}
