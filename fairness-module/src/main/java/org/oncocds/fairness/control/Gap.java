package org.oncocds.fairness.control;

/** A between-group disparity measure; formulas in docs/fairness-metrics.md. */
public enum Gap {
    DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO, EQUAL_OPPORTUNITY_DIFFERENCE, EQUALIZED_ODDS_DIFFERENCE, PREDICTIVE_PARITY_DIFFERENCE, CALIBRATION_DIFFERENCE
}
