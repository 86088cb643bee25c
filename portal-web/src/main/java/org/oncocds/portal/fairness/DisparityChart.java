package org.oncocds.portal.fairness;

import java.util.ArrayList;
import java.util.List;
import org.oncocds.fairness.boundary.Disparity;
import org.oncocds.fairness.boundary.DisparityMetric;
import org.oncocds.fairness.boundary.GroupingReport;

/**
 * The difference disparities of one grouping against its reference group as an SVG dot plot: each group's difference
 * with its 95% interval as a whisker, the reference (no difference) as a vertical line at 0 and the tolerance as a
 * shaded band around it. The ratio (four-fifths rule) is in the table, not here: its reference is 1, not 0.
 */
public record DisparityChart(int width, int height, double zeroX, double bandLeft, double bandRight, List<Row> rows,
        List<Tick> ticks, String scale) {

    static final int LABEL_WIDTH = 260;
    static final int PLOT_WIDTH = 360;
    static final int ROW = 22;
    static final int TOP = 10;

    /** One disparity: its label, the dot, the whisker and the verdict (for its colour). */
    public record Row(String metric, String group, double y, double x, double whiskerLeft, double whiskerRight,
            boolean hasInterval, String verdict, String value) {
    }

    /** A gridline and its label on the difference axis. */
    public record Tick(double x, String label) {
    }

    /** Empty when the grouping has no defined difference against a group. */
    static java.util.Optional<DisparityChart> of(GroupingReport grouping) {
        List<Disparity> shown = grouping.disparities().stream().filter(disparity -> !disparity.acrossAllGroups()
                && disparity.metric() != DisparityMetric.DEMOGRAPHIC_PARITY_RATIO && disparity.estimate()
                        .value() != null)
                .toList();
        if (shown.isEmpty()) {
            return java.util.Optional.empty();
        }
        double extent = 0.1;
        for (Disparity disparity : shown) {
            extent = Math.max(extent, Math.abs(disparity.estimate().value()));
            extent = Math.max(extent, disparity.tolerance());
            if (disparity.estimate().interval() != null) {
                extent = Math.max(extent, Math.abs(disparity.estimate().interval().lower()));
                extent = Math.max(extent, Math.abs(disparity.estimate().interval().upper()));
            }
        }
        double scale = Math.min(1, Math.ceil(extent * 10) / 10);
        double tolerance = shown.get(0).tolerance();
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Disparity disparity : shown) {
            double y = TOP + i * ROW + ROW / 2.0;
            var interval = disparity.estimate().interval();
            double value = disparity.estimate().value();
            rows.add(new Row(disparity.metric().name(), disparity.group(), y, x(value, scale), interval == null
                    ? x(value, scale)
                    : x(interval.lower(), scale), interval == null ? x(value, scale) : x(interval.upper(), scale),
                    interval != null, disparity.verdict().name(), Numbers.decimal(value)));
            i++;
        }
        List<Tick> ticks = List.of(new Tick(x(-scale, scale), Numbers.decimal(-scale)), new Tick(x(0, scale), "0"),
                new Tick(x(scale, scale), Numbers.decimal(scale)));
        return java.util.Optional.of(new DisparityChart(LABEL_WIDTH + PLOT_WIDTH + 20, TOP + rows.size() * ROW + 30,
                x(0, scale), x(-tolerance, scale), x(tolerance, scale), rows, ticks, Numbers.decimal(scale)));
    }

    /** The horizontal position of a difference on a scale of -scale..scale, clamped to the plot. */
    static double x(double difference, double scale) {
        double clamped = Math.max(-scale, Math.min(scale, difference));
        return RateChart.round(LABEL_WIDTH + (clamped + scale) / (2 * scale) * PLOT_WIDTH);
    }

    /** The bottom of the plot, where the axis labels go. */
    public double axisY() {
        return TOP + rows.size() * ROW + 16;
    }

    /** The band's width. */
    public double bandWidth() {
        return RateChart.round(bandRight - bandLeft);
    }

    /** The plot's height, for the band and the zero line. */
    public double plotHeight() {
        return rows.size() * ROW;
    }

    public int top() {
        return TOP;
    }
}
