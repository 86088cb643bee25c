package org.oncocds.fairness.boundary;

/** A 95% percentile bootstrap interval, over the replicates in which the value was defined. */
public record Interval(double lower, double upper, int definedReplicates) {
}
