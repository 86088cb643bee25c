package org.oncocds.fairness.control;

/** A per-group performance measure; formulas in docs/fairness-metrics.md. */
public enum Measure {
    BASE_RATE, SELECTION_RATE, TRUE_POSITIVE_RATE, FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE, POSITIVE_PREDICTIVE_VALUE, NEGATIVE_PREDICTIVE_VALUE, AUC, BRIER_SCORE, OBSERVED_EXPECTED_RATIO, NET_BENEFIT
}
