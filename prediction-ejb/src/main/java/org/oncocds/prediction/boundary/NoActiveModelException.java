package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A task has no model version that may answer: none is ACTIVE (an administrator activates an APPROVED version), or
 * the ACTIVE one kept changing while a recommendation was computed. Nothing was recorded or shown. Unchecked, and delivered unwrapped by the container.
 */
@ApplicationException(rollback = true)
public class NoActiveModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String taskId;

    public NoActiveModelException(String taskId) {
        super("task " + taskId + " has no ACTIVE model version: an administrator must activate an approved version"
                + " before it gives predictions");
        this.taskId = taskId;
    }

    /** The task's ACTIVE version was retired or replaced twice while one recommendation was computed. */
    static NoActiveModelException changedWhileAnswering(String taskId) {
        return new NoActiveModelException(taskId, "task " + taskId + " changed its ACTIVE model version while the"
                + " recommendation was computed; nothing was recorded: ask again");
    }

    private NoActiveModelException(String taskId, String message) {
        super(message);
        this.taskId = taskId;
    }

    public String taskId() {
        return taskId;
    }
}
