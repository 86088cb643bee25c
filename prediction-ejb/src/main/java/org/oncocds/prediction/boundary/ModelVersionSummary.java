package org.oncocds.prediction.boundary;

import java.time.Instant;

/**
 * A model version in the registry.
 *
 * @param version
 *            {@code <taskId>/<number>}, e.g. {@code colon-recurrence-5y/2}
 * @param taskId
 *            the task it answers
 * @param algorithm
 *            the Weka classifier inside the preprocessing, e.g. {@code weka.classifiers.functions.Logistic}
 * @param options
 *            its options as a Weka command line, e.g. {@code -R 1.0E-4 -M -1 -num-decimal-places 4}
 * @param state
 *            where it stands in its lifecycle
 * @param sha256
 *            SHA-256 of the serialized model and its training header (what recommendations are audited with)
 * @param trainingDataSha256
 *            SHA-256 of the training data as the model saw it (ARFF text, labels included)
 * @param wekaVersion
 *            the Weka version that serialized it; another version will not load it
 * @param trainedBy
 *            who trained it ({@code system} for the versions trained at first start)
 * @param trainedAt
 *            when (UTC)
 * @param cvAuc
 *            cross-validated AUC (null if not computed)
 * @param cvBrier
 *            cross-validated Brier score
 * @param cvAccuracy
 *            cross-validated accuracy at 0.5
 * @param cvCalibrationInTheLarge
 *            cross-validated calibration-in-the-large (null when it could not be fitted)
 * @param cvCalibrationSlope
 *            cross-validated calibration slope (null when it could not be fitted)
 * @param trainingRows
 *            labelled patients it was trained on
 * @param bootstrapSha256
 *            SHA-256 of its serialized bootstrap models (the uncertainty intervals)
 * @param biasReportId
 *            the bias report whose sign-off approved it; null before approval
 * @param approvedBy
 *            the compliance officer who approved it; null before approval
 * @param approvedAt
 *            when; null before approval
 * @param stateChangedBy
 *            who made the last lifecycle change
 * @param stateChangedAt
 *            when
 * @param card
 *            its model card
 */
public record ModelVersionSummary(String version, String taskId, String algorithm, String options,
        LifecycleState state, String sha256, String trainingDataSha256, String wekaVersion, String trainedBy,
        Instant trainedAt, Double cvAuc, Double cvBrier, Double cvAccuracy, Double cvCalibrationInTheLarge,
        Double cvCalibrationSlope, int trainingRows, String bootstrapSha256, Long biasReportId, String approvedBy,
        Instant approvedAt, String stateChangedBy, Instant stateChangedAt, ModelCard card) {
}
