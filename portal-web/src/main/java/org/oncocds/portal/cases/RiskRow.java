package org.oncocds.portal.cases;

import java.io.Serializable;

/**
 * One treatment option's line of the result table, numbers already formatted.
 *
 * @param risk
 *            the predicted risk in percent, one decimal, e.g. {@code 23.4}
 * @param benefit
 *            the absolute risk reduction against the reference in percentage points with its sign, e.g. {@code +5.2};
 *            empty for the reference itself
 * @param riskLower
 *            lower end of the risk's 95% uncertainty interval in percent; empty when none was computed
 * @param riskUpper
 *            upper end of the risk's 95% uncertainty interval in percent; empty when none was computed
 * @param benefitLower
 *            lower end of the benefit's 95% interval in signed percentage points; empty for the reference or none
 * @param benefitUpper
 *            upper end of the benefit's 95% interval in signed percentage points; empty for the reference or none
 */
record RiskRow(String option, String labelKey, String risk, String benefit, boolean reference, String riskLower,
        String riskUpper, String benefitLower, String benefitUpper) implements Serializable {

    /** Whether the risk's uncertainty interval is known. */
    public boolean hasInterval() {
        return !riskLower.isEmpty();
    }

    /** Whether the benefit's uncertainty interval is shown (never for the reference). */
    public boolean hasBenefitInterval() {
        return !reference && !benefitLower.isEmpty();
    }
}
