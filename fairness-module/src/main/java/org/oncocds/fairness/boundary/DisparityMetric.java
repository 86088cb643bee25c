package org.oncocds.fairness.boundary;

/** The between-group metrics of a report; each is defined with its formula in docs/fairness-metrics.md. */
public enum DisparityMetric {
    DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO, EQUAL_OPPORTUNITY_DIFFERENCE, EQUALIZED_ODDS_DIFFERENCE, PREDICTIVE_PARITY_DIFFERENCE, CALIBRATION_DIFFERENCE
}
