package org.oncocds.prediction.boundary;

/**
 * The predicted risk of the outcome for one treatment option.
 *
 * @param option
 *            the treatment option
 * @param risk
 *            probability of the outcome under this option, 0..1
 * @param absoluteBenefit
 *            risk under the reference option minus risk under this one (positive = fewer events), 0 for the reference
 */
public record OptionRisk(String option, double risk, double absoluteBenefit) {
}
