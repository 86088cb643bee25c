package org.oncocds.portal.fairness;

import java.util.Arrays;
import java.util.List;
import org.oncocds.fairness.boundary.Disparity;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.GroupMetric;
import org.oncocds.fairness.boundary.GroupReport;
import org.oncocds.fairness.boundary.GroupingReport;
import org.oncocds.fairness.boundary.StoredBiasReport;

/**
 * A stored bias report as its page shows it: provenance, the decision on it, and per grouping the group table, the
 * disparities with verdicts and the charts.
 *
 * @param decision
 *            the compliance officer's decision on this report, {@code NOT_REVIEWED} while it has none
 */
public record ReportView(StoredBiasReport stored, FairnessStatus decision, List<GroupingView> groupings) {

    /** The per-group metrics in table order. */
    public static final List<GroupMetric> METRICS = Arrays.asList(GroupMetric.values());

    /** The per-group rates drawn as bar charts. */
    static final List<GroupMetric> CHARTED = List.of(GroupMetric.SELECTION_RATE, GroupMetric.TRUE_POSITIVE_RATE);

    /** One attribute or intersection. */
    public record GroupingView(String grouping, String referenceGroup, String referenceRule, List<GroupRow> groups,
            List<DisparityRow> disparities, List<RateChart> charts, DisparityChart disparityChart) {
    }

    /** One group's size and metrics, in {@link #METRICS} order. */
    public record GroupRow(String group, long n, boolean sufficientData, boolean reference, List<MetricCell> cells) {
    }

    /** One disparity; {@code group} is null for the max-min across all groups. */
    public record DisparityRow(String metric, String group, MetricCell estimate, String tolerance, String verdict,
            String reason) {
    }

    static ReportView of(StoredBiasReport stored, FairnessStatus decision) {
        return new ReportView(stored, decision, stored.report().groupings().stream().map(ReportView::grouping)
                .toList());
    }

    public boolean decided() {
        return decision != null && decision.reportId() != null;
    }

    private static GroupingView grouping(GroupingReport grouping) {
        List<GroupRow> groups = grouping.groups().stream().map(group -> row(group, group.group().equals(grouping
                .referenceGroup()))).toList();
        List<DisparityRow> disparities = grouping.disparities().stream().map(ReportView::disparity).toList();
        List<RateChart> charts = CHARTED.stream().map(metric -> RateChart.of(grouping, metric)).toList();
        return new GroupingView(grouping.grouping(), grouping.referenceGroup(), grouping.referenceRule(), groups,
                disparities, charts, DisparityChart.of(grouping).orElse(null));
    }

    private static GroupRow row(GroupReport group, boolean reference) {
        return new GroupRow(group.group(), group.n(), group.sufficientData(), reference, METRICS.stream().map(
                metric -> MetricCell.of(group.metrics().get(metric))).toList());
    }

    private static DisparityRow disparity(Disparity disparity) {
        return new DisparityRow(disparity.metric().name(), disparity.group(), MetricCell.of(disparity.estimate()),
                Numbers.decimal(disparity.tolerance()), disparity.verdict().name(), disparity.reason() == null
                        ? ""
                        : disparity.reason());
    }
}
