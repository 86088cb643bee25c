package org.oncocds.audit.boundary;

import java.time.Instant;

/**
 * What to search the audit trail for; every criterion is optional (null matches everything) and all given ones must
 * hold.
 *
 * @param from
 *            recorded at or after (UTC)
 * @param toExclusive
 *            recorded before (UTC)
 * @param actorName
 *            the user name of who caused the record, exactly
 * @param patientPseudonym
 *            the patient's pseudonym: the caller turns a typed MRN into it with {@link PatientPseudonyms#pseudonymOf};
 *            never pass the MRN
 * @param taskId
 *            the prediction task, exactly
 * @param modelVersion
 *            the model version, exactly
 * @param decision
 *            only recommendations with that decision (accepted, overridden, none yet); implies kind RECOMMENDATION
 * @param kind
 *            only records of that kind
 */
public record AuditQuery(Instant from, Instant toExclusive, String actorName, String patientPseudonym, String taskId,
        String modelVersion, DecisionFilter decision, RecordKind kind) {

    /** Matches every record. */
    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }

    public AuditQuery between(Instant newFrom, Instant newToExclusive) {
        return new AuditQuery(newFrom, newToExclusive, actorName, patientPseudonym, taskId, modelVersion, decision,
                kind);
    }

    public AuditQuery byActor(String newActorName) {
        return new AuditQuery(from, toExclusive, newActorName, patientPseudonym, taskId, modelVersion, decision, kind);
    }

    public AuditQuery ofPatient(String newPatientPseudonym) {
        return new AuditQuery(from, toExclusive, actorName, newPatientPseudonym, taskId, modelVersion, decision, kind);
    }

    public AuditQuery ofTask(String newTaskId) {
        return new AuditQuery(from, toExclusive, actorName, patientPseudonym, newTaskId, modelVersion, decision, kind);
    }

    public AuditQuery ofModelVersion(String newModelVersion) {
        return new AuditQuery(from, toExclusive, actorName, patientPseudonym, taskId, newModelVersion, decision, kind);
    }

    public AuditQuery withDecision(DecisionFilter newDecision) {
        return new AuditQuery(from, toExclusive, actorName, patientPseudonym, taskId, modelVersion, newDecision, kind);
    }

    public AuditQuery ofKind(RecordKind newKind) {
        return new AuditQuery(from, toExclusive, actorName, patientPseudonym, taskId, modelVersion, decision, newKind);
    }
}
