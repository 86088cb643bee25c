package org.oncocds.fairness.boundary;

import java.util.Map;

/**
 * One group's size and metrics. A group under the minimum size is kept and marked {@code sufficientData == false}:
 * its metrics have no interval and it takes no part in the disparities.
 */
public record GroupReport(String group, long n, boolean sufficientData, Map<GroupMetric, Estimate> metrics) {
}
