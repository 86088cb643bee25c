package org.oncocds.audit.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditPage;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.AuditSearch;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AnsweringVersionCheck;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.audit.boundary.RecommendationFact;
import org.oncocds.audit.boundary.RecommendationHistory;
import org.oncocds.audit.boundary.RecordedDecision;
import org.oncocds.audit.boundary.RecommendationEvent;

/** Calls the audit trail as a clinician would, each method in its own transaction. */
@Stateless
@RunAs("clinician")
public class ClinicianSession {

    @EJB
    AuditTrail auditTrail;

    @EJB
    GovernanceLog governanceLog;

    @EJB
    RecommendationHistory history;

    @EJB
    AuditSearch search;

    public AuditPage search(AuditQuery query) {
        return search.search(query, null, 10);
    }

    public AuditReceipt govern(GovernanceEvent event) {
        return governanceLog.record(event);
    }

    /** Records a governance event, then fails as a lifecycle change could after it: both must roll back together. */
    public void governThenFail(GovernanceEvent event) {
        governanceLog.record(event);
        throw new IllegalStateException("the change failed after its governance record was written");
    }

    /** Records an external event once, then fails: the record and the event's "recorded" mark roll back together. */
    public void governOnceThenFail(String externalEventId, GovernanceEvent event) {
        governanceLog.recordOnce(externalEventId, event);
        throw new IllegalStateException("the import failed after the event was recorded");
    }

    public List<RecommendationFact> recommendations(String taskId, Instant from, Instant toExclusive) {
        return history.recommendations(taskId, from, toExclusive);
    }

    public AuditReceipt record(RecommendationEvent event) {
        return auditTrail.recordRecommendation(event);
    }

    /** Records, but only if {@code check} still lets the event's model version answer when the batch commits. */
    public AuditReceipt record(RecommendationEvent event, AnsweringVersionCheck check) {
        return auditTrail.recordRecommendation(event, check);
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

    public AuditReceipt decide(DecisionEvent event) {
        return auditTrail.recordDecision(event);
    }

    /** Decides in a transaction that fails afterwards: the decision must roll back with it. */
    public void decideThenFail(DecisionEvent event) {
        auditTrail.recordDecision(event);
        throw new IllegalStateException("the request failed after its decision was written");
    }

    public Optional<RecordedDecision> decisionOn(long recommendationRecordId) {
        return auditTrail.decisionOn(recommendationRecordId);
    }

    public List<AuditEntry> latest(int limit) {
        return auditTrail.latest(limit);
    }

    public Optional<AuditEntryWithDecision> entry(long recordId) {
        return auditTrail.entry(recordId);
    }

    public List<AuditEntryWithDecision> latestWithDecisions(int limit) {
        return auditTrail.latestWithDecisions(limit);
    }

    public ChainCheckpoint checkpoint() {
        return auditTrail.checkpoint();
    }

    public ChainVerification verifyChain() {
        return auditTrail.verifyChain();
    }
}
