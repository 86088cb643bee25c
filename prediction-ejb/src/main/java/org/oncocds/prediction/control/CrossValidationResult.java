package org.oncocds.prediction.control;

import java.util.List;

/**
 * Seeded stratified k-fold cross-validation of a model's algorithm on its training data: discrimination (AUC),
 * Brier score, accuracy at 0.5, calibration of the out-of-fold risks (see {@link Calibration}) and every out-of-fold
 * prediction.
 */
public record CrossValidationResult(int folds, long seed, double auc, double brierScore, double accuracy,
        double calibrationInTheLarge, double calibrationSlope, List<RiskDecile> reliability,
        List<FoldPrediction> predictions) {

    public CrossValidationResult {
        reliability = List.copyOf(reliability);
        predictions = List.copyOf(predictions);
    }
}
