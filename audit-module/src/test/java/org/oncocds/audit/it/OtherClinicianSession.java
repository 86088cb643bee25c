package org.oncocds.audit.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.RecommendationEvent;

/** A second clinician (principal {@code it-other-clinician}, see glassfish-ejb-jar.xml), for who-may-decide tests. */
@Stateless
@RunAs("clinician")
public class OtherClinicianSession {

    @EJB
    AuditTrail auditTrail;

    public AuditReceipt record(RecommendationEvent event) {
        return auditTrail.recordRecommendation(event);
    }

    public AuditReceipt decide(DecisionEvent event) {
        return auditTrail.recordDecision(event);
    }
}
