package org.oncocds.audit.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.RecommendationEvent;

/** Calls the audit trail as a clinician would, each method in its own transaction. */
@Stateless
@RunAs("clinician")
public class ClinicianSession {

    @EJB
    AuditTrail auditTrail;

    public AuditReceipt record(RecommendationEvent event) {
        return auditTrail.recordRecommendation(event);
    }

    /** Calls the audit trail outside any transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditReceipt recordWithoutTransaction(RecommendationEvent event) {
        return auditTrail.recordRecommendation(event);
    }

    /** Records, then fails as a recommendation could after its audit write: both must roll back together. */
    public void recordThenFail(RecommendationEvent event) {
        auditTrail.recordRecommendation(event);
        throw new IllegalStateException("the recommendation failed after its audit record was written");
    }

    public List<AuditEntry> latest(int limit) {
        return auditTrail.latest(limit);
    }

    public ChainVerification verifyChain() {
        return auditTrail.verifyChain();
    }
}
