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
 */
public record CrossValidation(String taskId, String modelVersion, int folds, long seed, double auc,
        double brierScore, double accuracy, List<OutOfFoldPrediction> predictions) {

    public CrossValidation {
        predictions = List.copyOf(predictions);
    }
}
