package org.oncocds.fairness.control;

/** One disparity: {@code group} against the reference group, or across all groups (max − min) when it is null. */
public record GapResult(Gap gap, String group, Value value, double tolerance, Assessment assessment, String reason) {
}
