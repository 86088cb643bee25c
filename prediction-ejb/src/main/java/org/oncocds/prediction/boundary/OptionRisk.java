package org.oncocds.prediction.boundary;

/**
 * The predicted risk of the outcome for one treatment option, with 95% uncertainty intervals.
 * <p>
 * The intervals are the 2.5th and 97.5th percentiles over models trained on bootstrap resamples of the training data:
 * they show how much the estimate depends on the finite training sample (model uncertainty). They are not the range
 * of outcomes for the patient, who either has the event or not.
 *
 * @param option
 *            the treatment option
 * @param risk
 *            probability of the outcome under this option, 0..1
 * @param absoluteBenefit
 *            risk under the reference option minus risk under this one (positive = fewer events), 0 for the reference
 * @param riskLower
 *            lower end of the risk's 95% uncertainty interval; NaN if none was computed
 * @param riskUpper
 *            upper end of the risk's 95% uncertainty interval; NaN if none was computed
 * @param benefitLower
 *            lower end of the absolute benefit's 95% uncertainty interval (0 for the reference); NaN if none
 * @param benefitUpper
 *            upper end of the absolute benefit's 95% uncertainty interval (0 for the reference); NaN if none
 */
public record OptionRisk(String option, double risk, double absoluteBenefit, double riskLower, double riskUpper,
        double benefitLower, double benefitUpper) {

    /** A risk without uncertainty intervals (the original contract): the interval ends are NaN. */
    public OptionRisk(String option, double risk, double absoluteBenefit) {
        this(option, risk, absoluteBenefit, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Whether the uncertainty intervals were computed. */
    public boolean hasInterval() {
        return !Double.isNaN(riskLower);
    }
}
