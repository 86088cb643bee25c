package org.oncocds.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GovernanceRecordTest {

    private static final Instant AT = Instant.parse("2026-11-25T06:30:00.000001Z");

    private static AuditRecord governance(ChainHead head) {
        return AuditRecord.governance(head, hash -> "sealed:" + hash, AT, new AuditRecord.Actor("anonymous", ""),
                "LOGIN_FAILED", "user jdoe", "{\"attemptedUser\":\"jdoe\"}", "req-9");
    }

    @Test
    void governanceRecordsJoinTheSameChainWithoutCaseFields() {
        ChainHead head = ChainHead.genesis();
        AuditRecord first = governance(head);
        AuditRecord second = governance(head);

        assertEquals(AuditKind.GOVERNANCE, first.getKind());
        assertEquals(first.getHash(), second.getPreviousHash());
        assertEquals(2, head.getSequenceNumber());
        assertNull(first.getPatientPseudonym());
        assertNull(first.getModelVersion());
        assertEquals("LOGIN_FAILED", first.getAction());
        assertEquals("user jdoe", first.getSubject());
        assertEquals("{\"attemptedUser\":\"jdoe\"}", first.getInputsJson());
        assertTrue(first.shapeProblem().isEmpty());
        assertEquals(first.getHash(), first.recomputeHash());
    }

    @Test
    void hashCoversActionSubjectAndDetails() throws Exception {
        for (String field : new String[]{"action", "subject", "inputsJson"}) {
            AuditRecord record = governance(ChainHead.genesis());
            set(record, field, "changed");
            assertNotEquals(record.getHash(), record.recomputeHash(), field);
        }
    }

    @Test
    void caseFieldsOnAGovernanceRecordOrGovernanceFieldsElsewhereAreAShapeProblem() throws Exception {
        AuditRecord record = governance(ChainHead.genesis());
        set(record, "patientPseudonym", "a".repeat(64));
        assertTrue(record.shapeProblem().orElseThrow().contains("GOVERNANCE record carries patient"));

        AuditRecord recommendation = AuditRecord.recommendation(ChainHead.genesis(), hash -> "s", AT,
                new AuditRecord.Actor("dr-ada", "clinician"), "a".repeat(64), "t", "v1", "b".repeat(64), "{}", "{}",
                "r");
        set(recommendation, "action", "EXPORT");
        assertTrue(recommendation.shapeProblem().orElseThrow().contains("carries governance fields"));
    }

    private static void set(AuditRecord record, String name, Object value) throws Exception {
        Field field = AuditRecord.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(record, value);
    }
}
