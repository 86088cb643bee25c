package org.oncocds.audit.boundary;

import java.time.Instant;

/** One audit record as compliance officers see it. */
public record AuditEntry(long id, Instant recordedAt, String kind, String actorName, String actorRoles,
        String patientPseudonym, String taskId, String modelVersion, String modelSha256, String inputsJson,
        String outputsJson, String requestId) {
}
