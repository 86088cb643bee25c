package org.oncocds.portal.audit;

import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.RecordedDecision;

/**
 * One audit record for the detail page: the record as stored, its inputs and outputs laid out for reading, and the
 * decision taken on it (for a recommendation).
 *
 * @param decision
 *            the clinician's decision; null when none was recorded or the record is not a recommendation
 */
record RecordDetail(AuditEntry entry, String inputs, String outputs, RecordedDecision decision) {

    static RecordDetail of(AuditEntryWithDecision record) {
        return new RecordDetail(record.entry(), JsonLayout.pretty(record.entry().inputsJson()), JsonLayout.pretty(
                record.entry().outputsJson()), record.decision());
    }

    public boolean recommendation() {
        return "RECOMMENDATION".equals(entry.kind());
    }
}
