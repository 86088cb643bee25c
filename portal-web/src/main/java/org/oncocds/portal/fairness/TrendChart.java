package org.oncocds.portal.fairness;

import java.util.ArrayList;
import java.util.List;
import org.oncocds.fairness.boundary.DisparityTrend;
import org.oncocds.fairness.boundary.Estimate;
import org.oncocds.fairness.boundary.TrendPoint;

/**
 * One disparity of live use month by month as a small SVG: each month's difference against the reference group as a
 * dot with its 95% interval, the reference (no difference) as a line, the points joined in time. Months without
 * enough labelled patients have no dot.
 */
public record TrendChart(String grouping, String group, String metric, int width, int height, double zeroY,
        List<Point> points, String polyline, String lastVerdict, String scale) {

    static final int LEFT = 10;
    static final int STEP = 36;
    static final int TOP = 8;
    static final int PLOT = 64;

    /** One month: the dot, its whisker, its label and verdict. */
    public record Point(String month, double x, double y, double whiskerTop, double whiskerBottom, boolean defined,
            boolean hasInterval, String verdict, String value) {
    }

    static TrendChart of(DisparityTrend trend) {
        double extent = 0.1;
        for (TrendPoint point : trend.points()) {
            Estimate estimate = point.estimate();
            if (estimate != null && estimate.value() != null) {
                extent = Math.max(extent, Math.abs(estimate.value()));
                if (estimate.interval() != null) {
                    extent = Math.max(extent, Math.max(Math.abs(estimate.interval().lower()), Math.abs(estimate
                            .interval().upper())));
                }
            }
        }
        double scale = Math.min(1, Math.ceil(extent * 10) / 10);
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String lastVerdict = "";
        int i = 0;
        for (TrendPoint point : trend.points()) {
            double x = LEFT + i * STEP + STEP / 2.0;
            Estimate estimate = point.estimate();
            boolean defined = estimate != null && estimate.value() != null;
            boolean interval = defined && estimate.interval() != null;
            double y = defined ? y(estimate.value(), scale) : y(0, scale);
            points.add(new Point(point.month().toString(), x, y, interval ? y(estimate.interval().upper(), scale) : y,
                    interval ? y(estimate.interval().lower(), scale) : y, defined, interval, point.verdict() == null
                            ? ""
                            : point.verdict().name(),
                    defined ? Numbers.decimal(estimate.value()) : ""));
            if (defined) {
                line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
                lastVerdict = point.verdict() == null ? "" : point.verdict().name();
            }
            i++;
        }
        return new TrendChart(trend.grouping(), trend.group(), trend.metric().name(), LEFT * 2 + Math.max(1, points
                .size()) * STEP, TOP * 2 + PLOT + 14, y(0, scale), points, line.toString(), lastVerdict, Numbers
                        .decimal(scale));
    }

    static double y(double difference, double scale) {
        double clamped = Math.max(-scale, Math.min(scale, difference));
        return RateChart.round(TOP + (scale - clamped) / (2 * scale) * PLOT);
    }

    /** Where the month labels go. */
    public double labelY() {
        return TOP * 2 + PLOT + 6;
    }
}
