package org.oncocds.audit.control;

import org.oncocds.audit.entity.AuditKind;

/**
 * What a search selects, in the terms of the stored rows; null criteria match everything.
 *
 * @param decision
 *            {@code ACCEPTED} or {@code OVERRIDDEN}: recommendations with that decision; {@code NONE}: recommendations
 *            without a decision
 */
public record RecordCriteria(Long fromEpochMicros, Long toEpochMicrosExclusive, String actorName,
        String patientPseudonym, String taskId, String modelVersion, String decision, AuditKind kind) {

    /** The decision criterion that selects recommendations without a decision. */
    public static final String NO_DECISION = "NONE";

    /** Whether a time range is part of the criteria: such a search is ordered by recorded time (see RecordSearch). */
    public boolean hasTimeRange() {
        return fromEpochMicros != null || toEpochMicrosExclusive != null;
    }
}
