package org.oncocds.audit.control;

import java.util.Objects;
import org.oncocds.audit.entity.AuditRecord;

/**
 * A checked recommendation waiting for the writer: everything of the record except its place in the chain, and the
 * check its model version must pass when the batch commits ({@code answering}; null: none).
 */
public record PendingRecommendation(AuditRecord.Actor actor, String patientPseudonym, String taskId,
        String modelVersion, String modelSha256, String inputsJson, String outputsJson, String requestId,
        VersionCheck answering) {

    public PendingRecommendation {
        Objects.requireNonNull(actor, "actor");
    }

    /** A recommendation whose model version is not checked at commit (e.g. a versioned rule set's). */
    public PendingRecommendation(AuditRecord.Actor actor, String patientPseudonym, String taskId, String modelVersion,
            String modelSha256, String inputsJson, String outputsJson, String requestId) {
        this(actor, patientPseudonym, taskId, modelVersion, modelSha256, inputsJson, outputsJson, requestId, null);
    }
}
