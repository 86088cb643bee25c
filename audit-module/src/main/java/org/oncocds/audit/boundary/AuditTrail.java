package org.oncocds.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** SCAFFOLD: contract only, implemented by the audit work. */
@Stateless
public class AuditTrail {

    /** Records a recommendation inside the caller's transaction; the actor comes from the security context. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditReceipt recordRecommendation(RecommendationEvent event) {
        throw new IllegalStateException("scaffold");
    }

    /** The newest records first. */
    @RolesAllowed("compliance-officer")
    public List<AuditEntry> latest(int limit) {
        throw new IllegalStateException("scaffold");
    }
}
