package org.oncocds.prediction.boundary;

/** Where a training job stands. */
public enum TrainingStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
