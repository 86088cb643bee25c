package org.oncocds.prediction.control;

/** The limits of a task upload, shared by the boundary's contract and the checks. */
public final class TaskUploadLimits {

    /** The largest dataset file accepted: 64 MiB. */
    public static final int MAX_DATASET_BYTES = 64 * 1024 * 1024;

    /** At most this many problems are reported for one refused upload. */
    public static final int MAX_PROBLEMS = 50;

    private TaskUploadLimits() {
    }
}
