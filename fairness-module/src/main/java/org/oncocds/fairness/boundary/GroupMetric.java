package org.oncocds.fairness.boundary;

/** The per-group metrics of a report; each is defined with its formula in docs/fairness-metrics.md. */
public enum GroupMetric {
    BASE_RATE, SELECTION_RATE, TRUE_POSITIVE_RATE, FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE, POSITIVE_PREDICTIVE_VALUE, NEGATIVE_PREDICTIVE_VALUE, AUC, BRIER_SCORE, OBSERVED_EXPECTED_RATIO, NET_BENEFIT
}
