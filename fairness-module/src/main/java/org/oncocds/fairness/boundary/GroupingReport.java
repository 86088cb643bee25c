package org.oncocds.fairness.boundary;

import java.util.List;

/**
 * The groups of one attribute (e.g. {@code sex}) or intersection (e.g. {@code sex × age}), the reference group and
 * how it was chosen, and the disparities, metric by metric (across all groups first, then each group).
 */
public record GroupingReport(String grouping, List<String> attributes, String referenceGroup, String referenceRule,
        List<GroupReport> groups, List<Disparity> disparities) {
}
