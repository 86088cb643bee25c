package org.oncocds.fairness.boundary;

import java.time.Instant;

/**
 * An outcome as it was recorded.
 *
 * @param id
 *            the record's id
 * @param taskId
 *            the task
 * @param patientPseudonym
 *            the patient's pseudonym (the MRN is never kept)
 * @param outcome
 *            event or event-free
 * @param day
 *            days after the treatment decision
 * @param label
 *            what the monitoring counts it as under the task's horizon: 1 (event within the horizon), 0 (followed
 *            beyond the horizon), or null: event-free at or before the horizon, censored, not counted until a later
 *            follow-up is recorded
 * @param recordedBy
 *            who recorded it
 * @param recordedAt
 *            when (UTC)
 */
public record RecordedOutcome(long id, String taskId, String patientPseudonym, OutcomeKind outcome, int day,
        Integer label, String recordedBy, Instant recordedAt) {
}
