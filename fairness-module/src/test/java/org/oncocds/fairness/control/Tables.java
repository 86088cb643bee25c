package org.oncocds.fairness.control;

/** Small tables whose metrics the tests work out by hand. Rows are {label, score}. */
final class Tables {

    private Tables() {
    }

    /**
     * Group "a", threshold 0.5: TP = 3 (0.9, 0.8, 0.6), FN = 1 (0.4), FP = 2 (0.7, and 0.5 which is at the threshold
     * so positive), TN = 4 (0.3, 0.2, 0.1, 0.4). n = 10, events P = 4, non-events N = 6.
     */
    static final double[][] A = {{1, 0.9}, {1, 0.8}, {1, 0.4}, {1, 0.6}, {0, 0.7}, {0, 0.3}, {0, 0.2},
            {0, 0.1}, {0, 0.5}, {0, 0.4}};

    /** Group "b": no events at all; FP = 2 (0.6, 0.55), TN = 3 (0.2, 0.1, 0.3). n = 5. */
    static final double[][] B = {{0, 0.2}, {0, 0.6}, {0, 0.1}, {0, 0.3}, {0, 0.55}};

    /** Group "x": TP = 1 (0.9), FN = 1 (0.2), FP = 2 (0.7, 0.8), TN = 1 (0.1). n = 5. */
    static final double[][] X = {{1, 0.9}, {1, 0.2}, {0, 0.7}, {0, 0.1}, {0, 0.8}};

    /** Group "y": TP = 2 (0.9, 0.8), FN = 1 (0.3), FP = 1 (0.6), TN = 2 (0.2, 0.1). n = 6, the largest. */
    static final double[][] Y = {{1, 0.9}, {1, 0.8}, {1, 0.3}, {0, 0.6}, {0, 0.2}, {0, 0.1}};
}
