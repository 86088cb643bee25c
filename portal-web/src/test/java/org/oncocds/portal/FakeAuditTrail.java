package org.oncocds.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.RecordedDecision;

/**
 * The audit trail's boundary without a container: decisions are kept in a map (one per recommendation, like the real
 * one), a refusal or failure can be set up, and every call is remembered.
 */
public class FakeAuditTrail extends AuditTrail {

    public final List<DecisionEvent> decided = new ArrayList<>();
    public final Map<Long, RecordedDecision> decisions = new HashMap<>();
    public final List<AuditEntryWithDecision> records = new ArrayList<>();
    public RuntimeException refusal;
    public Supplier<ChainVerification> verification = () -> {
        throw new AssertionError("the chain was not meant to be verified");
    };
    public int verifications;
    public int listedLimit;

    @Override
    public AuditReceipt recordDecision(DecisionEvent event) {
        if (refusal != null) {
            throw refusal;
        }
        decided.add(event);
        long id = 1000 + decided.size();
        Instant at = Instant.parse("2026-11-25T05:00:00Z");
        decisions.put(event.recommendationRecordId(), new RecordedDecision(id, event.recommendationRecordId(), at,
                "clinician", event.decision(), event.chosenOption(), event.reason()));
        return new AuditReceipt(id, at);
    }

    @Override
    public Optional<RecordedDecision> decisionOn(long recommendationRecordId) {
        return Optional.ofNullable(decisions.get(recommendationRecordId));
    }

    @Override
    public List<AuditEntryWithDecision> latestWithDecisions(int limit) {
        listedLimit = limit;
        return records.stream().limit(limit).toList();
    }

    @Override
    public Optional<AuditEntryWithDecision> entry(long recordId) {
        return records.stream().filter(record -> record.entry().id() == recordId).findFirst();
    }

    public ChainCheckpoint verifiedAgainst;
    public ChainVerification lastRecorded;

    @Override
    public Optional<ChainVerification> lastVerification() {
        return Optional.ofNullable(lastRecorded);
    }

    @Override
    public ChainVerification verifyChainAgainst(ChainCheckpoint checkpoint) {
        if (!checkpoint.signature().startsWith("ab")) {
            throw new IllegalArgumentException("checkpoint signature does not match");
        }
        verifiedAgainst = checkpoint;
        verifications++;
        return verification.get();
    }

    @Override
    public ChainVerification verifyChain() {
        verifications++;
        return verification.get();
    }
}
