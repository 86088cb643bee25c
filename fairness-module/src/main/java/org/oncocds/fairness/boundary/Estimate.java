package org.oncocds.fairness.boundary;

/**
 * A point estimate with its 95% interval. {@code value} is null when the metric is undefined for the data (e.g. a
 * true-positive rate in a group without events), {@code interval} is null when there is none; {@code reason} then
 * says why (null when both are present). Never NaN.
 */
public record Estimate(Double value, Interval interval, String reason) {

    public Estimate {
        if (value != null && value.isNaN()) {
            throw new IllegalArgumentException("an undefined estimate has no value, not NaN");
        }
        if ((value == null || interval == null) && reason == null) {
            throw new IllegalArgumentException("a missing value or interval needs a reason");
        }
    }

    public boolean defined() {
        return value != null;
    }
}
