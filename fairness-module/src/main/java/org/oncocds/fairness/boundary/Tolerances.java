package org.oncocds.fairness.boundary;

/**
 * How large a disparity may be before it is flagged. Differences are allowed within ±tolerance; the selection-rate
 * ratio within [ratio, 1/ratio] (the four-fifths rule at 0.8). Defaults and their reasons are in
 * docs/fairness-metrics.md.
 */
public record Tolerances(double demographicParityDifference, double selectionRateRatio,
        double equalOpportunityDifference, double equalizedOddsDifference, double predictiveParityDifference,
        double calibrationDifference) {

    public Tolerances {
        positiveAtMostOne("demographicParityDifference", demographicParityDifference);
        if (!(selectionRateRatio > 0 && selectionRateRatio < 1)) {
            throw new InvalidBiasInputException("tolerances.selectionRateRatio",
                    "tolerances.selectionRateRatio must be above 0 and below 1, was " + selectionRateRatio);
        }
        positiveAtMostOne("equalOpportunityDifference", equalOpportunityDifference);
        positiveAtMostOne("equalizedOddsDifference", equalizedOddsDifference);
        positiveAtMostOne("predictiveParityDifference", predictiveParityDifference);
        positiveAtMostOne("calibrationDifference", calibrationDifference);
    }

    /** 0.10 for rate differences, the four-fifths rule for the ratio, 0.20 for observed/expected ratios. */
    public static Tolerances defaults() {
        return new Tolerances(0.10, 0.80, 0.10, 0.10, 0.10, 0.20);
    }

    private static void positiveAtMostOne(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidBiasInputException("tolerances." + name, "tolerances." + name
                    + " must be above 0 and at most 1, was " + value);
        }
    }
}
