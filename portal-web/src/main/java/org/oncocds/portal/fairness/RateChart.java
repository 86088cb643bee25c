package org.oncocds.portal.fairness;

import java.util.ArrayList;
import java.util.List;
import org.oncocds.fairness.boundary.Estimate;
import org.oncocds.fairness.boundary.GroupMetric;
import org.oncocds.fairness.boundary.GroupReport;
import org.oncocds.fairness.boundary.GroupingReport;

/**
 * A per-group rate (e.g. the selection rate) of one grouping as an SVG bar chart with the 95% interval as a whisker,
 * laid out here so the template only places what it is given. The scale is 0 to 1 (rates).
 */
public record RateChart(String metric, int width, int height, List<Bar> bars, List<Tick> ticks) {

    static final int PLOT_TOP = 10;
    static final int PLOT_HEIGHT = 160;
    static final int LEFT = 40;
    static final int SLOT = 70;
    static final int BAR = 36;

    /**
     * One group's bar; {@code whiskerTop}/{@code whiskerBottom} are the interval's ends, equal to the bar's top when
     * there is none. A group without a value (insufficient data, undefined) has a zero-height bar and {@code missing}.
     */
    public record Bar(String group, int x, double y, double barHeight, double whiskerTop, double whiskerBottom,
            int centre, String value, boolean missing, boolean hasInterval) {
    }

    /** A gridline and its label on the rate axis. */
    public record Tick(double y, String label) {
    }

    static RateChart of(GroupingReport grouping, GroupMetric metric) {
        List<Bar> bars = new ArrayList<>();
        int slot = 0;
        for (GroupReport group : grouping.groups()) {
            Estimate estimate = group.metrics().get(metric);
            int x = LEFT + slot * SLOT + (SLOT - BAR) / 2;
            int centre = x + BAR / 2;
            if (estimate == null || estimate.value() == null) {
                bars.add(new Bar(group.group(), x, y(0), 0, y(0), y(0), centre, "", true, false));
            } else {
                double top = y(estimate.value());
                boolean hasInterval = estimate.interval() != null;
                bars.add(new Bar(group.group(), x, top, y(0) - top, hasInterval ? y(estimate.interval().upper()) : top,
                        hasInterval ? y(estimate.interval().lower()) : top, centre, Numbers.decimal(estimate.value()),
                        false, hasInterval));
            }
            slot++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double rate = i / 4.0;
            ticks.add(new Tick(y(rate), Numbers.decimal(rate).substring(0, 4)));
        }
        return new RateChart(metric.name(), LEFT + Math.max(1, bars.size()) * SLOT + 10, PLOT_TOP + PLOT_HEIGHT + 40,
                bars, ticks);
    }

    /** The vertical position of a rate, clamped to the plot. */
    static double y(double rate) {
        double clamped = Math.max(0, Math.min(1, rate));
        return round(PLOT_TOP + (1 - clamped) * PLOT_HEIGHT);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The baseline of the bars. */
    public double baseline() {
        return y(0);
    }

    /** Where the group names go. */
    public double labelY() {
        return y(0) + 16;
    }
}
