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
 */
record RiskRow(String option, String labelKey, String risk, String benefit, boolean reference)
        implements
            Serializable {
}
