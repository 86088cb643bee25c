package org.oncocds.prediction.boundary;

/**
 * How a model version performed on an outside cohort with follow-up ({@code time}, {@code event} columns).
 *
 * @param rows
 *            every row
 * @param labelledRows
 *            rows with a label by the task's rules (event at or before the horizon, or followed beyond it)
 * @param events
 *            labelled rows with the event
 * @param censoredBeforeHorizon
 *            rows without a label (censored at or before the horizon); used by Harrell's C only
 * @param auc
 *            area under the ROC curve on the labelled rows (NaN without both labels)
 * @param harrellC
 *            Harrell's concordance on all rows, censoring respected (NaN without a comparable pair)
 * @param comparablePairs
 *            the pairs Harrell's C is computed over
 * @param calibrationInTheLarge
 *            intercept {@code a} of {@code logit P(event) = a + logit(risk)} on the labelled rows (0 = right on
 *            average, > 0 = risks too low)
 * @param calibrationSlope
 *            slope {@code b} of {@code logit P(event) = a + b logit(risk)} (1 = ideal, < 1 = too extreme)
 * @param observedRate
 *            events / labelled rows
 * @param meanPredictedRisk
 *            mean risk of the labelled rows
 */
public record ExternalValidation(int rows, int labelledRows, int events, int censoredBeforeHorizon, double auc,
        double harrellC, long comparablePairs, double calibrationInTheLarge, double calibrationSlope,
        double observedRate, double meanPredictedRisk) {
}
