package org.oncocds.fairness.boundary;

import java.time.YearMonth;
import java.util.List;

/**
 * Live bias monitoring of a task: audited recommendations joined with the outcomes recorded later, per calendar
 * month, and a trend series per disparity.
 *
 * @param taskId
 *            the task
 * @param from
 *            the first month
 * @param to
 *            the last month (inclusive)
 * @param horizonDays
 *            the task's horizon: an event by then is 1, follow-up beyond it 0, event-free before it censored
 * @param request
 *            the subgroups and settings every month's report used
 * @param months
 *            every month of the range, in order (months without recommendations included, with zero counts)
 * @param trends
 *            every disparity any month reported, in report order, each with one point per month
 */
public record MonitoringReport(String taskId, YearMonth from, YearMonth to, double horizonDays,
        BiasReportRequest request, List<MonthlyBias> months, List<DisparityTrend> trends) {

    public MonitoringReport {
        months = List.copyOf(months);
        trends = List.copyOf(trends);
    }
}
