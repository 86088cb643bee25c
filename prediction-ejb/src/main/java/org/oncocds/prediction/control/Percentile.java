package org.oncocds.prediction.control;

import java.util.Arrays;

/** Sample percentiles with linear interpolation between order statistics (R's and NumPy's default, type 7). */
final class Percentile {

    private Percentile() {
    }

    /**
     * @param values
     *            at least one value, in any order (not changed)
     * @param fraction
     *            0..1, e.g. 0.025 for the 2.5th percentile
     */
    static double of(double[] values, double fraction) {
        if (values.length == 0 || fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a percentile needs values and a fraction in 0..1");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
