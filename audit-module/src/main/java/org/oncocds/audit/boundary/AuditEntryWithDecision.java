package org.oncocds.audit.boundary;

/**
 * An audit record together with the decision taken on it.
 *
 * @param entry
 *            the record
 * @param decision
 *            for a recommendation, the clinician's decision; null when none was recorded yet or when the record is not
 *            a recommendation
 */
public record AuditEntryWithDecision(AuditEntry entry, RecordedDecision decision) {
}
