package org.oncocds.prediction.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * A background training run and its progress.
 *
 * @param id
 *            the job id {@link ModelVersions#startTraining} returned
 * @param taskId
 *            the task
 * @param algorithm
 *            the algorithm's id
 * @param options
 *            every option as used (defaults filled in)
 * @param status
 *            where it stands
 * @param foldsDone
 *            cross-validation folds done so far
 * @param foldsTotal
 *            cross-validation folds in all (after the last fold the bootstrap models are trained and the version is
 *            stored and validated)
 * @param version
 *            the version it made (VALIDATED when the job SUCCEEDED; DRAFT when the job FAILED validating it); null
 *            before
 * @param failure
 *            why it FAILED, in English; null otherwise
 * @param requestedBy
 *            the administrator who started it
 * @param requestedAt
 *            when
 * @param finishedAt
 *            when it SUCCEEDED or FAILED; null before
 */
public record TrainingJob(String id, String taskId, String algorithm, Map<String, String> options,
        TrainingStatus status, int foldsDone, int foldsTotal, String version, String failure, String requestedBy,
        Instant requestedAt, Instant finishedAt) {

    public TrainingJob {
        options = Map.copyOf(options);
    }
}
