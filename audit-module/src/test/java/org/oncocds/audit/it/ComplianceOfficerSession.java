package org.oncocds.audit.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oncocds.audit.boundary.AuditCursor;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditPage;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.AuditSearch;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.RecommendationFact;
import org.oncocds.audit.boundary.RecommendationHistory;
import org.oncocds.audit.boundary.RecordedDecision;
import org.oncocds.audit.boundary.RecommendationEvent;

/** Calls the audit trail as a compliance officer would. */
@Stateless
@RunAs("compliance-officer")
public class ComplianceOfficerSession {

    @EJB
    AuditTrail auditTrail;

    @EJB
    RecommendationHistory history;

    @EJB
    AuditSearch search;

    public AuditPage search(AuditQuery query, AuditCursor after, int pageSize) {
        return search.search(query, after, pageSize);
    }

    public byte[] exportCsv(AuditQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        search.exportCsv(query, out);
        return out.toByteArray();
    }

    public byte[] exportFhir(AuditQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        search.exportFhirBundle(query, out);
        return out.toByteArray();
    }

    public List<RecommendationFact> recommendations(String taskId, Instant from, Instant toExclusive) {
        return history.recommendations(taskId, from, toExclusive);
    }

    public AuditReceipt record(RecommendationEvent event) {
        return auditTrail.recordRecommendation(event);
    }

    public List<AuditEntry> latest(int limit) {
        return auditTrail.latest(limit);
    }

    public List<AuditEntryWithDecision> latestWithDecisions(int limit) {
        return auditTrail.latestWithDecisions(limit);
    }

    public Optional<AuditEntryWithDecision> entry(long recordId) {
        return auditTrail.entry(recordId);
    }

    public Optional<RecordedDecision> decisionOn(long recommendationRecordId) {
        return auditTrail.decisionOn(recommendationRecordId);
    }

    public AuditReceipt decide(DecisionEvent event) {
        return auditTrail.recordDecision(event);
    }

    public ChainCheckpoint checkpoint() {
        return auditTrail.checkpoint();
    }

    public ChainVerification verifyChainAgainst(ChainCheckpoint checkpoint) {
        return auditTrail.verifyChainAgainst(checkpoint);
    }

    public Optional<ChainVerification> lastVerification() {
        return auditTrail.lastVerification();
    }

    public Optional<ChainCheckpoint> latestCheckpoint() {
        return auditTrail.latestCheckpoint();
    }

    public ChainVerification verifyChain() {
        return auditTrail.verifyChain();
    }
}
