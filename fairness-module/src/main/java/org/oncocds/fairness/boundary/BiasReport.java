package org.oncocds.fairness.boundary;

import java.util.List;

/** A bias report: the request it answers, how many rows it read, and one section per attribute or intersection. */
public record BiasReport(BiasReportRequest request, long rows, List<GroupingReport> groupings) {
}
