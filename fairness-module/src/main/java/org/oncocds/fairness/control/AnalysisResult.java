package org.oncocds.fairness.control;

import java.util.List;

/** Everything one analysis found, grouping by grouping. */
public record AnalysisResult(long rows, List<GroupingResult> groupings) {
}
