package org.oncocds.fairness.control;

import java.util.Arrays;

/** Percentile bootstrap 95% intervals over the replicates in which a value is defined. */
final class Intervals {

    static final double LOWER_QUANTILE = 0.025;
    static final double UPPER_QUANTILE = 0.975;

    private Intervals() {
    }

    /**
     * A value with its interval; no interval when fewer than half of the replicates define the value, since the
     * remaining ones would be a biased selection.
     */
    static Value of(double point, String undefinedReason, double[] replicates) {
        if (Double.isNaN(point)) {
            return Value.undefined(undefinedReason);
        }
        double[] defined = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0 || 2L * defined.length < replicates.length) {
            return Value.withoutInterval(point, "defined in only " + defined.length + " of " + replicates.length
                    + " bootstrap replicates");
        }
        return new Value(point, null, quantile(defined, LOWER_QUANTILE), quantile(defined, UPPER_QUANTILE),
                defined.length, null);
    }

    /** Linear interpolation between order statistics (Hyndman and Fan type 7, R's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
