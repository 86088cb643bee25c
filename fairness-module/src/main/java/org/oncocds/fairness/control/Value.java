package org.oncocds.fairness.control;

/**
 * A point estimate with its bootstrap interval. {@code point} is NaN when undefined, with {@code undefinedReason}
 * saying why; {@code lower}/{@code upper} are NaN when there is no interval, with {@code noIntervalReason} saying why.
 */
public record Value(double point, String undefinedReason, double lower, double upper, int definedReplicates,
        String noIntervalReason) {

    public boolean defined() {
        return !Double.isNaN(point);
    }

    public boolean hasInterval() {
        return !Double.isNaN(lower);
    }

    static Value undefined(String reason) {
        return new Value(Double.NaN, reason, Double.NaN, Double.NaN, 0, reason);
    }

    static Value withoutInterval(double point, String reason) {
        return new Value(point, null, Double.NaN, Double.NaN, 0, reason);
    }
}
