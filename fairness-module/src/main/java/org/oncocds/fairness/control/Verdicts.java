package org.oncocds.fairness.control;

import java.util.Locale;

/**
 * Verdicts that take the interval into account: FAIL only when the point estimate and the whole 95% interval lie
 * beyond the tolerance; WARN when the point estimate is beyond it but the interval reaches back inside (could be
 * noise), or when there is no interval to confirm it; PASS when the point estimate is within the tolerance.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** Acceptable values: [-t, t] for differences, [t, 1/t] for the selection-rate ratio (four-fifths rule). */
    static double lowest(Gap gap, double tolerance) {
        return gap == Gap.DEMOGRAPHIC_PARITY_RATIO ? tolerance : -tolerance;
    }

    static double highest(Gap gap, double tolerance) {
        return gap == Gap.DEMOGRAPHIC_PARITY_RATIO ? 1 / tolerance : tolerance;
    }

    static GapResult judge(Gap gap, String group, Value value, double tolerance) {
        if (!value.defined()) {
            return new GapResult(gap, group, value, tolerance, Assessment.NOT_ASSESSED, value.undefinedReason());
        }
        double low = lowest(gap, tolerance);
        double high = highest(gap, tolerance);
        String band = "acceptable range " + number(low) + " to " + number(high) + (gap == Gap.DEMOGRAPHIC_PARITY_RATIO
                ? " (four-fifths rule at " + number(tolerance) + ")"
                : "");
        boolean pointBeyond = value.point() < low || value.point() > high;
        boolean intervalBeyond = value.hasInterval() && (value.upper() < low || value.lower() > high);
        String interval = value.hasInterval()
                ? "95% CI " + number(value.lower()) + " to " + number(value.upper())
                : "no confidence interval (" + value.noIntervalReason() + ")";
        Assessment assessment;
        String reason;
        if (pointBeyond && intervalBeyond) {
            assessment = Assessment.FAIL;
            reason = "beyond the " + band + " and so is the whole " + interval;
        } else if (pointBeyond) {
            assessment = Assessment.WARN;
            reason = "beyond the " + band + ", not confirmed: " + interval;
        } else if (intervalBeyond) {
            assessment = Assessment.WARN;
            reason = "within the " + band + ", but the whole " + interval + " lies beyond it";
        } else {
            assessment = Assessment.PASS;
            reason = "within the " + band;
        }
        return new GapResult(gap, group, value, tolerance, assessment, reason);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
