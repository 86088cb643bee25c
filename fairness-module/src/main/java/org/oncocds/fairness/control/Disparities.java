package org.oncocds.fairness.control;

import static org.oncocds.fairness.control.Measure.FALSE_POSITIVE_RATE;
import static org.oncocds.fairness.control.Measure.OBSERVED_EXPECTED_RATIO;
import static org.oncocds.fairness.control.Measure.POSITIVE_PREDICTIVE_VALUE;
import static org.oncocds.fairness.control.Measure.SELECTION_RATE;
import static org.oncocds.fairness.control.Measure.TRUE_POSITIVE_RATE;

import java.util.List;

/** Between-group disparities from per-group measures (arrays indexed by {@link Measure#ordinal()}); NaN = undefined. */
final class Disparities {

    private Disparities() {
    }

    /** The measures a disparity is made of. */
    static List<Measure> inputs(Gap gap) {
        return switch (gap) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO -> List.of(SELECTION_RATE);
            case EQUAL_OPPORTUNITY_DIFFERENCE -> List.of(TRUE_POSITIVE_RATE);
            case EQUALIZED_ODDS_DIFFERENCE -> List.of(TRUE_POSITIVE_RATE, FALSE_POSITIVE_RATE);
            case PREDICTIVE_PARITY_DIFFERENCE -> List.of(POSITIVE_PREDICTIVE_VALUE);
            case CALIBRATION_DIFFERENCE -> List.of(OBSERVED_EXPECTED_RATIO);
        };
    }

    /** The group against the reference group. */
    static double versus(Gap gap, double[] group, double[] reference) {
        return switch (gap) {
            case DEMOGRAPHIC_PARITY_RATIO -> reference[SELECTION_RATE.ordinal()] == 0
                    ? Double.NaN
                    : group[SELECTION_RATE.ordinal()] / reference[SELECTION_RATE.ordinal()];
            case EQUALIZED_ODDS_DIFFERENCE -> Math.max(Math.abs(difference(TRUE_POSITIVE_RATE, group, reference)),
                    Math.abs(difference(FALSE_POSITIVE_RATE, group, reference)));
            default -> difference(inputs(gap).get(0), group, reference);
        };
    }

    /** Across all groups: max − min (for the ratio: min / max; for equalized odds: the larger of the two ranges). */
    static double across(Gap gap, List<double[]> groups) {
        return switch (gap) {
            case DEMOGRAPHIC_PARITY_RATIO -> {
                double max = max(SELECTION_RATE, groups);
                yield max == 0 ? Double.NaN : min(SELECTION_RATE, groups) / max;
            }
            case EQUALIZED_ODDS_DIFFERENCE -> Math.max(range(TRUE_POSITIVE_RATE, groups), range(FALSE_POSITIVE_RATE,
                    groups));
            default -> range(inputs(gap).get(0), groups);
        };
    }

    private static double difference(Measure measure, double[] group, double[] reference) {
        return group[measure.ordinal()] - reference[measure.ordinal()];
    }

    private static double range(Measure measure, List<double[]> groups) {
        return max(measure, groups) - min(measure, groups);
    }

    /** NaN if any group's value is NaN (Math.max/min propagate NaN). */
    private static double max(Measure measure, List<double[]> groups) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] group : groups) {
            max = Math.max(max, group[measure.ordinal()]);
        }
        return max;
    }

    private static double min(Measure measure, List<double[]> groups) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] group : groups) {
            min = Math.min(min, group[measure.ordinal()]);
        }
        return min;
    }
}
