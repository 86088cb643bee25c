package org.oncocds.fairness.boundary;

import java.util.List;

/**
 * One disparity month by month, for the trend chart: {@code group} against the grouping's reference, or across all
 * groups when {@code group} is null; one point per month of the range, in order.
 */
public record DisparityTrend(String grouping, String group, DisparityMetric metric, List<TrendPoint> points) {

    public DisparityTrend {
        points = List.copyOf(points);
    }
}
