package org.oncocds.audit.boundary;

import java.time.Instant;

/**
 * One audit record of any kind as a search returns it. Fields a kind does not have are null: patient, task and model
 * on governance records; action and subject on recommendations and decisions; the decision fields on all but
 * decisions.
 *
 * @param decisionOnIt
 *            for a recommendation, the decision recorded on it (null when none); null for other kinds
 */
public record AuditRow(long id, long sequenceNumber, Instant recordedAt, RecordKind kind, String actorName,
        String actorRoles, String requestId, String patientPseudonym, String taskId, String modelVersion,
        String modelSha256, String action, String subject, String inputsJson, String outputsJson,
        Long decidesRecordId, String decision, String chosenOption, String decisionReason,
        RecordedDecision decisionOnIt) {
}
