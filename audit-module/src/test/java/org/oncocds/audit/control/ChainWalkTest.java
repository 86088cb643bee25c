package org.oncocds.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

class ChainWalkTest {

    private static final String PSEUDONYM = "717874dd5dddeb788f6ffa7b9c7bb1d7e58b9d3db2ecf9c0ac5094f97b0c5499";
    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final ChainSeal SEAL = ChainSeal.fromConfiguredKey(
            Optional.of("unit-test-seal-key-0123456789abcdef"),
            Optional.empty());
    private static final ChainSeal FORGERS_SEAL = ChainSeal.fromConfiguredKey(
            Optional.of("a-key-the-forger-made-up-0123456789"), Optional.empty());

    private final ChainHead head = ChainHead.genesis();
    private final List<AuditRecord> chain = new ArrayList<>();

    private static AuditRecord append(ChainHead head, String requestId) {
        return append(head, SEAL, requestId);
    }

    private static AuditRecord append(ChainHead head, ChainSeal seal, String requestId) {
        return AuditRecord.recommendation(head, seal::sealOf, Instant.parse("2026-11-25T04:00:00Z"),
                new AuditRecord.Actor("dr-ada", "clinician"), PSEUDONYM, "colon-recurrence-5y", "v1", MODEL_SHA256,
                "{}", "{}", requestId);
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            chain.add(append(head, "req-" + i));
        }
    }

    private ChainWalk walk(List<AuditRecord> records, ChainHead chainHead) {
        ChainWalk walk = new ChainWalk(SEAL);
        for (AuditRecord record : records) {
            if (!walk.accept(record)) {
                break;
            }
        }
        walk.finish(chainHead);
        return walk;
    }

    @Test
    void intactChainPasses() {
        appendFive();
        ChainWalk walk = walk(chain, head);
        assertTrue(walk.firstBreak().isEmpty());
        assertEquals(5, walk.recordsChecked());
    }

    @Test
    void emptyChainWithoutHeadPasses() {
        assertTrue(walk(List.of(), null).firstBreak().isEmpty());
    }

    @Test
    void changedRowIsReportedAtThatRecord() throws Exception {
        appendFive();
        Field outputs = AuditRecord.class.getDeclaredField("outputsJson");
        outputs.setAccessible(true);
        outputs.set(chain.get(2), "{\"Obs\":0.01}");

        ChainWalk.Break broken = walk(chain, head).firstBreak().orElseThrow();

        assertEquals(3, broken.sequenceNumber());
        assertTrue(broken.problem().contains("changed"));
    }

    @Test
    void deletedRowIsReportedAtItsSuccessor() {
        appendFive();
        chain.remove(2);

        ChainWalk.Break broken = walk(chain, head).firstBreak().orElseThrow();

        assertEquals(4, broken.sequenceNumber());
        assertTrue(broken.problem().contains("missing"));
    }

    @Test
    void reorderedRowsAreReported() {
        appendFive();
        Collections.swap(chain, 1, 3);

        assertEquals(4, walk(chain, head).firstBreak().orElseThrow().sequenceNumber());
    }

    @Test
    void rowFromAnotherChainInsertedInPlaceIsReported() {
        appendFive();
        ChainHead otherHead = ChainHead.genesis();
        append(otherHead, "other-1");
        append(otherHead, "other-2");
        chain.set(2, append(otherHead, "forged-3"));

        ChainWalk.Break broken = walk(chain, head).firstBreak().orElseThrow();

        assertEquals(3, broken.sequenceNumber());
        assertTrue(broken.problem().contains("predecessor"));
    }

    @Test
    void removedTailIsReportedAgainstTheHead() {
        appendFive();
        List<AuditRecord> truncated = chain.subList(0, 3);

        ChainWalk walk = walk(truncated, head);

        ChainWalk.Break broken = walk.firstBreak().orElseThrow();
        assertEquals(3, walk.recordsChecked());
        assertEquals(5, broken.sequenceNumber());
        assertTrue(broken.problem().contains("removed"));
    }

    @Test
    void recordsAfterABreakAreNotAccepted() {
        appendFive();
        chain.remove(0);
        ChainWalk walk = new ChainWalk(SEAL);
        assertFalse(walk.accept(chain.get(0)));
        assertFalse(walk.accept(chain.get(1)));
        assertEquals(0, walk.recordsChecked());
    }

    @Test
    void chainRewrittenWithoutTheSealKeyIsReportedAtItsFirstRecord() {
        appendFive();
        // Someone with write access rebuilds the whole chain with valid hashes, but cannot seal them with our key.
        ChainHead forgedHead = ChainHead.genesis();
        List<AuditRecord> forged = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            forged.add(append(forgedHead, FORGERS_SEAL, i == 3 ? "req-rewritten" : "req-" + i));
        }
        forged.forEach(record -> assertEquals(record.getHash(), record.recomputeHash(), "every hash is valid"));

        ChainWalk.Break broken = walk(forged, forgedHead).firstBreak().orElseThrow();

        assertEquals(1, broken.sequenceNumber());
        assertTrue(broken.problem().contains("seal does not match"), broken.problem());
    }

    @Test
    void recordWithoutSealIsReported() throws Exception {
        appendFive();
        Field seal = AuditRecord.class.getDeclaredField("seal");
        seal.setAccessible(true);
        seal.set(chain.get(3), null);

        ChainWalk.Break broken = walk(chain, head).firstBreak().orElseThrow();

        assertEquals(4, broken.sequenceNumber());
        assertTrue(broken.problem().contains("no seal"), broken.problem());
    }

    @Test
    void decisionFieldsForgedOntoARecommendationAreReported() throws Exception {
        appendFive();
        Field decision = AuditRecord.class.getDeclaredField("decision");
        decision.setAccessible(true);
        decision.set(chain.get(1), "OVERRIDDEN");

        ChainWalk.Break broken = walk(chain, head).firstBreak().orElseThrow();

        assertEquals(2, broken.sequenceNumber());
        assertTrue(broken.problem().contains("decision fields"), broken.problem());
    }
}
