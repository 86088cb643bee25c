package org.oncocds.audit.boundary;

import java.time.Instant;

/**
 * A decision as the audit trail holds it.
 *
 * @param recordId
 *            the decision's own audit record
 * @param recommendationRecordId
 *            the recommendation it decides
 * @param recordedAt
 *            when it was recorded (UTC)
 * @param actorName
 *            the clinician who decided (always the one who asked for the recommendation)
 * @param decision
 *            accepted or overridden
 * @param chosenOption
 *            the option chosen instead; null for an acceptance
 * @param reason
 *            why it was overridden, or an acceptance's note; null when an acceptance has none
 */
public record RecordedDecision(long recordId, long recommendationRecordId, Instant recordedAt, String actorName,
        Decision decision, String chosenOption, String reason) {
}
