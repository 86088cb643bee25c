package org.oncocds.prediction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * Administrators add prediction tasks from an uploaded dataset (CSV or ARFF) and its JSON definition (see
 * docs/model-registry.md, "Adding a task"). The upload is validated whole: when the definition is invalid or any row is
 * malformed, it is refused with every problem found (up to {@link #MAX_PROBLEMS}), row and column named, and nothing is
 * stored. An accepted task is stored with its dataset (bytes and SHA-256) and recorded as TASK_ADDED in the same
 * transaction; it has no model version until an administrator trains one.
 */
@Stateless
@RolesAllowed(ModelVersions.ADMIN)
public class TaskUploads {

    /** The largest dataset file accepted: 64 MiB. */
    public static final int MAX_DATASET_BYTES = 64 * 1024 * 1024;

    /** At most this many problems are reported for one refused upload. */
    public static final int MAX_PROBLEMS = 50;

    /**
     * Validates and stores the task.
     *
     * @return the new task, without an active model
     * @throws InvalidTaskUploadException
     *             with every problem found; nothing was stored or recorded
     */
    public TaskDescription add(TaskUpload upload) throws InvalidTaskUploadException {
        // Interim (session 3 contract commit): validation and storage land in the next commits of this session.
        throw new InvalidTaskUploadException(List.of(new UploadProblem("dataset", null, null,
                "this server cannot add tasks yet")));
    }
}
