package org.oncocds.fairness.control;

/**
 * The per-group measures from a group's counts. Internally an undefined measure is NaN; {@link #undefinedReason}
 * says why, and reports never show the NaN.
 */
final class Formulas {

    private Formulas() {
    }

    static double[] measures(GroupCounts c, double threshold) {
        double n = c.n();
        double[] values = new double[Measure.values().length];
        values[Measure.BASE_RATE.ordinal()] = ratio(c.positives(), n);
        values[Measure.SELECTION_RATE.ordinal()] = ratio(c.predictedPositives(), n);
        values[Measure.TRUE_POSITIVE_RATE.ordinal()] = ratio(c.truePositives(), c.positives());
        values[Measure.FALSE_POSITIVE_RATE.ordinal()] = ratio(c.falsePositives(), c.negatives());
        values[Measure.FALSE_NEGATIVE_RATE.ordinal()] = ratio(c.falseNegatives(), c.positives());
        values[Measure.POSITIVE_PREDICTIVE_VALUE.ordinal()] = ratio(c.truePositives(), c.predictedPositives());
        values[Measure.NEGATIVE_PREDICTIVE_VALUE.ordinal()] = ratio(c.trueNegatives(), c.predictedNegatives());
        values[Measure.AUC.ordinal()] = ratio(c.concordantPairs(), (double) c.positives() * c.negatives());
        values[Measure.BRIER_SCORE.ordinal()] = ratio(c.squaredErrorSum(), n);
        values[Measure.OBSERVED_EXPECTED_RATIO.ordinal()] = ratio(c.positives(), c.scoreSum());
        values[Measure.NET_BENEFIT.ordinal()] = ratio(c.truePositives() - c.falsePositives() * threshold
                / (1 - threshold), n);
        return values;
    }

    static String undefinedReason(Measure measure, GroupCounts c) {
        return switch (measure) {
            case TRUE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> "no observed events (label 1) in the group";
            case FALSE_POSITIVE_RATE -> "no observed non-events (label 0) in the group";
            case POSITIVE_PREDICTIVE_VALUE -> "no row in the group is predicted positive";
            case NEGATIVE_PREDICTIVE_VALUE -> "no row in the group is predicted negative";
            case AUC -> c.positives() == 0
                    ? "no observed events (label 1) in the group"
                    : "no observed non-events (label 0) in the group";
            case OBSERVED_EXPECTED_RATIO -> "the expected number of events is 0 (every score is 0)";
            default -> "the group is empty";
        };
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
