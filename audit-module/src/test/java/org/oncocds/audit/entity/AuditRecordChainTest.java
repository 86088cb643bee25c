package org.oncocds.audit.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditRecordChainTest {

    private static final Instant AT = Instant.parse("2026-11-25T03:30:00.123456Z");
    private static final String PSEUDONYM = "717874dd5dddeb788f6ffa7b9c7bb1d7e58b9d3db2ecf9c0ac5094f97b0c5499";
    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static AuditRecord append(ChainHead head, String taskId, String modelVersion) {
        return AuditRecord.recommendation(head, hash -> "sealed:" + hash, AT,
                new AuditRecord.Actor("dr-ada", "clinician"), PSEUDONYM, taskId,
                modelVersion, MODEL_SHA256, "{\"age\":61}", "{\"Obs\":0.42}", "req-1");
    }

    private static AuditRecord append(ChainHead head) {
        return append(head, "colon-recurrence-5y", "v1");
    }

    @Test
    void firstRecordFollowsTheGenesisHeadAndMovesIt() {
        ChainHead head = ChainHead.genesis();
        AuditRecord first = append(head);

        assertEquals(1, first.getSequenceNumber());
        assertEquals("0".repeat(64), first.getPreviousHash());
        assertEquals(1, head.getSequenceNumber());
        assertEquals(first.getHash(), head.getHash());
        assertEquals("sealed:" + first.getHash(), first.getSeal(), "the hash is sealed as the record is made");
    }

    @Test
    void eachRecordCarriesItsPredecessorsHashWithoutGaps() {
        ChainHead head = ChainHead.genesis();
        List<AuditRecord> chain = List.of(append(head), append(head), append(head));

        for (int i = 1; i < chain.size(); i++) {
            assertEquals(i + 1, chain.get(i).getSequenceNumber());
            assertEquals(chain.get(i - 1).getHash(), chain.get(i).getPreviousHash());
        }
        assertNotEquals(chain.get(0).getHash(), chain.get(1).getHash(), "same content, different place in the chain");
    }

    @Test
    void hashIsSha256OfTheDocumentedCanonicalForm() throws Exception {
        AuditRecord record = append(ChainHead.genesis());
        String expectedForm = "form=22:oncocds-audit-record/1;" + "sequenceNumber=1:1;" + "previousHash=64:"
                + "0".repeat(64) + ";" + "recordedAtEpochMicros=16:1795577400123456;" + "kind=14:RECOMMENDATION;"
                + "actorName=6:dr-ada;" + "actorRoles=9:clinician;" + "patientPseudonym=64:" + PSEUDONYM + ";"
                + "taskId=19:colon-recurrence-5y;" + "modelVersion=2:v1;" + "modelSha256=64:" + MODEL_SHA256 + ";"
                + "inputsJson=10:{\"age\":61};" + "outputsJson=12:{\"Obs\":0.42};" + "requestId=5:req-1;";
        byte[] expectedBytes = expectedForm.getBytes(StandardCharsets.UTF_8);

        assertArrayEquals(expectedBytes, record.canonicalForm());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expectedBytes)),
                record.getHash());
    }

    @Test
    void lengthPrefixesKeepShiftedValuesApart() {
        AuditRecord left = append(ChainHead.genesis(), "colon-recurrence-5yv", "1");
        AuditRecord right = append(ChainHead.genesis(), "colon-recurrence-5y", "v1");
        assertNotEquals(left.getHash(), right.getHash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequenceNumber", "previousHash", "recordedAtEpochMicros", "actorName", "actorRoles",
            "patientPseudonym", "taskId", "modelVersion", "modelSha256", "inputsJson", "outputsJson", "requestId"})
    void changingAStoredFieldBreaksTheHash(String fieldName) throws Exception {
        AuditRecord record = append(ChainHead.genesis());
        assertEquals(record.getHash(), record.recomputeHash());

        tamper(record, fieldName);

        assertNotEquals(record.getHash(), record.recomputeHash());
    }

    /** Alters a field behind the entity's back, as an UPDATE in the database would. */
    private static void tamper(AuditRecord record, String fieldName) throws ReflectiveOperationException {
        Field field = AuditRecord.class.getDeclaredField(fieldName);
        field.setAccessible(true);
        if (field.getType() == long.class) {
            field.setLong(record, field.getLong(record) + 1);
        } else {
            field.set(record, field.get(record) + "x");
        }
    }
}
