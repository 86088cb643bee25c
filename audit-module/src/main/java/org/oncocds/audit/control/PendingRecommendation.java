package org.oncocds.audit.control;

import java.util.Objects;
import org.oncocds.audit.entity.AuditRecord;

/** A checked recommendation waiting for the writer: everything of the record except its place in the chain. */
public record PendingRecommendation(AuditRecord.Actor actor, String patientPseudonym, String taskId,
        String modelVersion, String modelSha256, String inputsJson, String outputsJson, String requestId) {

    public PendingRecommendation {
        Objects.requireNonNull(actor, "actor");
    }
}
