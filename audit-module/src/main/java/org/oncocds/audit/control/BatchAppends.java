package org.oncocds.audit.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * Appends a batch of recommendations in one transaction of its own: one chain-head lock, the records inserted as a JDBC
 * batch (EclipseLink batch writing, see persistence.xml), one commit. Only {@link RecordWriter} calls it, with records
 * whose fields and actor were checked by the audit trail's boundary in the caller's thread.
 */
@Stateless
@PermitAll
public class BatchAppends {

    @Inject
    ChainAppends chain;

    /** Appends the batch in order and commits it when this method returns; nothing of it is written on failure. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<AuditRecord> append(List<PendingRecommendation> batch) {
        ChainSeal seal = ChainAppends.configuredSeal();
        ChainHead head = chain.lockedHead();
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (PendingRecommendation p : batch) {
            // Times are read under the lock, so the chain's order and the recorded times agree on this server.
            AuditRecord record = AuditRecord.recommendation(head, seal::sealOf, Instant.now(), p.actor(), p
                    .patientPseudonym(), p.taskId(), p.modelVersion(), p.modelSha256(), p.inputsJson(),
                    p
                            .outputsJson(),
                    p.requestId());
            chain.persist(record);
            records.add(record);
        }
        chain.flush();
        return records;
    }
}
