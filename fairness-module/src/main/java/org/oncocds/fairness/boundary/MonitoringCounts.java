package org.oncocds.fairness.boundary;

/**
 * What became of one month's recommendations in the monitoring. An outcome belongs to the recommendation it follows
 * (the patient's latest recommendation of the task recorded before it); each patient counts once, at the recommendation
 * their newest outcome follows, or, with no outcome yet, at their latest recommendation. Every counted patient lands in
 * exactly one of the counts from {@code withoutOutcome} to {@code labelled}, checked in this order; the patient's other
 * recommendations are {@code repeats}.
 *
 * @param recommendations
 *            patients counted at a recommendation made this month
 * @param withoutOutcome
 *            no outcome recorded after the recommendation yet
 * @param censored
 *            the latest outcome is event-free at or before the horizon: no label yet
 * @param withoutOption
 *            no usable risk to score: neither a chosen nor a recommended option with a risk between 0 and 1 in the
 *            recorded outputs (or a record that could not be read)
 * @param withoutAttributes
 *            a grouping attribute was not entered by the clinician (left blank and imputed)
 * @param labelled
 *            rows in the month's bias report
 * @param repeats
 *            recommendations made this month for patients counted at another of their recommendations (an earlier one
 *            their outcome follows, or a later one): not counted again
 */
public record MonitoringCounts(long recommendations, long withoutOutcome, long censored, long withoutOption,
        long withoutAttributes, long labelled, long repeats) {
}
