package org.oncocds.fairness.control;

import java.util.Map;

/** One group's size and measures; {@code sufficient} is false when it is under the minimum group size. */
public record SubgroupResult(String label, long n, boolean sufficient, Map<Measure, Value> measures) {
}
