package org.oncocds.fairness.boundary;

/**
 * What became of one month's recommendations in the monitoring. Each patient counts once per task, at their first
 * recommendation in the range; every one of them lands in exactly one of the other counts, checked in this order.
 *
 * @param recommendations
 *            patients whose first recommendation in the range was made this month
 * @param withoutOutcome
 *            no outcome recorded for the patient and task yet
 * @param censored
 *            the latest outcome is event-free at or before the horizon: no label yet
 * @param withoutOption
 *            no usable risk to score: neither a chosen nor a recommended option with a risk between 0 and 1 in the
 *            recorded outputs (or a record that could not be read)
 * @param withoutAttributes
 *            a grouping attribute was not entered by the clinician (left blank and imputed)
 * @param labelled
 *            rows in the month's bias report
 */
public record MonitoringCounts(long recommendations, long withoutOutcome, long censored, long withoutOption,
        long withoutAttributes, long labelled) {
}
