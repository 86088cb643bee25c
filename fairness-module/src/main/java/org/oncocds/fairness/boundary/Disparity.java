package org.oncocds.fairness.boundary;

/**
 * One disparity with its verdict: {@code group} compared with the reference group, or, when {@code group} is null,
 * max − min across all groups with sufficient data (min / max for the ratio). {@code tolerance} is the one applied;
 * {@code reason} explains the verdict.
 */
public record Disparity(DisparityMetric metric, String group, Estimate estimate, double tolerance, Verdict verdict,
        String reason) {

    public boolean acrossAllGroups() {
        return group == null;
    }
}
