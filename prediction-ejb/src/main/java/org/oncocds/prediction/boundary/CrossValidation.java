package org.oncocds.prediction.boundary;

import java.util.List;

/**
 * How the algorithm of a task's active model performed in seeded stratified cross-validation on its training data.
 *
 * @param taskId
 *            the task
 * @param modelVersion
 *            the model version whose algorithm and data were cross-validated
 * @param folds
 *            the number of folds
 * @param seed
 *            the seed of the fold assignment: the same seed gives the same folds and predictions
 * @param auc
 *            area under the ROC curve of the out-of-fold predictions
 * @param brierScore
 *            mean squared difference between predicted risk and observed label (lower is better)
 * @param accuracy
 *            share of patients classified correctly at a risk threshold of 0.5
 * @param predictions
 *            every training patient's out-of-fold prediction, for bias checks
 * @param calibrationInTheLarge
 *            intercept {@code a} of {@code logit P(event) = a + logit(risk)} fitted on the out-of-fold predictions:
 *            0 = right on average, above 0 = risks too low on average, below 0 = too high; NaN if not computed
 * @param calibrationSlope
 *            slope {@code b} of {@code logit P(event) = a + b logit(risk)}: 1 = ideal, below 1 = risks too extreme,
 *            above 1 = too moderate; NaN if not computed
 * @param reliability
 *            the reliability curve: mean predicted risk against observed event rate by decile of predicted risk
 */
public record CrossValidation(String taskId, String modelVersion, int folds, long seed, double auc,
        double brierScore, double accuracy, List<OutOfFoldPrediction> predictions, double calibrationInTheLarge,
        double calibrationSlope, List<ReliabilityBin> reliability) {

    public CrossValidation {
        predictions = List.copyOf(predictions);
        reliability = List.copyOf(reliability);
    }

    /** A cross-validation without calibration (the original contract): the calibration figures are NaN, no curve. */
    public CrossValidation(String taskId, String modelVersion, int folds, long seed, double auc, double brierScore,
            double accuracy, List<OutOfFoldPrediction> predictions) {
        this(taskId, modelVersion, folds, seed, auc, brierScore, accuracy, predictions, Double.NaN, Double.NaN, List
                .of());
    }
}
