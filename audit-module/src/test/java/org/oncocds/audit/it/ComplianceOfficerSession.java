package org.oncocds.audit.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.RecommendationEvent;

/** Calls the audit trail as a compliance officer would. */
@Stateless
@RunAs("compliance-officer")
public class ComplianceOfficerSession {

    @EJB
    AuditTrail auditTrail;

    public AuditReceipt record(RecommendationEvent event) {
        return auditTrail.recordRecommendation(event);
    }

    public List<AuditEntry> latest(int limit) {
        return auditTrail.latest(limit);
    }

    public ChainVerification verifyChain() {
        return auditTrail.verifyChain();
    }
}
