package org.oncocds.prediction.control;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.oncocds.prediction.entity.StoredTask;

/** Where uploaded tasks are kept: the database in the application ({@link DatabaseTaskStore}). */
public interface TaskStore {

    /** Every uploaded task's definition JSON by task id, in the order they were added. */
    LinkedHashMap<String, String> definitions();

    /** One uploaded task's definition JSON. */
    Optional<String> definition(String taskId);

    /** One uploaded task with its dataset. */
    Optional<StoredTask> find(String taskId);

    /** Stores a new task and writes it at once, so that a taken id surfaces in this call. */
    void add(StoredTask task);
}
