package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A task has no model version that may answer: none is ACTIVE (an administrator activates an APPROVED version). Nothing
 * was predicted or recorded. Unchecked, and delivered unwrapped by the container.
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

    public String taskId() {
        return taskId;
    }
}
