package org.oncocds.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionRecordTest {

    private static final Instant AT = Instant.parse("2026-11-25T04:30:00Z");
    private static final String PSEUDONYM = "717874dd5dddeb788f6ffa7b9c7bb1d7e58b9d3db2ecf9c0ac5094f97b0c5499";
    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final UnaryOperator<String> SEAL = hash -> "sealed:" + hash;
    private static final AuditRecord.Actor ADA = new AuditRecord.Actor("dr-ada", "clinician");

    private final ChainHead head = ChainHead.genesis();
    private final AuditRecord recommendation = withId(AuditRecord.recommendation(head, SEAL, AT, ADA, PSEUDONYM,
            "colon-recurrence-5y", "v1", MODEL_SHA256, "{}", "{}", "req-1"), 41L);

    private static AuditRecord withId(AuditRecord record, long id) {
        try {
            Field field = AuditRecord.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(record, id);
            return record;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuditRecord override() {
        return AuditRecord.decision(head, SEAL, AT.plusSeconds(60), ADA, recommendation, "OVERRIDDEN", "Lev",
                "patient declined \"5-FU\"\nafter discussion", "req-2");
    }

    @Test
    void decisionFollowsInTheChainAndNamesTheSamePatientTaskAndModel() {
        AuditRecord decision = override();

        assertEquals(2, decision.getSequenceNumber());
        assertEquals(recommendation.getHash(), decision.getPreviousHash());
        assertEquals(AuditKind.DECISION, decision.getKind());
        assertEquals(41L, decision.getDecidesRecordId());
        assertEquals(PSEUDONYM, decision.getPatientPseudonym());
        assertEquals("colon-recurrence-5y", decision.getTaskId());
        assertEquals("v1", decision.getModelVersion());
        assertEquals(decision.getHash(), head.getHash());
        assertEquals("sealed:" + decision.getHash(), decision.getSeal());
    }

    @Test
    void inputsDocumentIsTheDecisionAsEscapedJson() {
        assertEquals("{\"chosenOption\":\"Lev\",\"decision\":\"OVERRIDDEN\","
                + "\"reason\":\"patient declined \\\"5-FU\\\"\\nafter discussion\",\"recommendationRecordId\":41}",
                override().getInputsJson());
        assertEquals("{}", override().getOutputsJson());
        assertEquals("{\"decision\":\"ACCEPTED\",\"recommendationRecordId\":41}",
                AuditRecord.decision(head, SEAL, AT, ADA, recommendation, "ACCEPTED", null, null, "req-3")
                        .getInputsJson());
        assertEquals("\"\\u0001\"", DecisionJson.quoted("\u0001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"decidesRecordId", "decision", "chosenOption", "decisionReason"})
    void changingADecisionFieldBreaksTheHash(String fieldName) throws Exception {
        AuditRecord decision = override();
        assertEquals(decision.getHash(), decision.recomputeHash());
        Field field = AuditRecord.class.getDeclaredField(fieldName);
        field.setAccessible(true);
        field.set(decision, fieldName.equals("decidesRecordId") ? (Object) 42L : "ACCEPTED");

        assertNotEquals(decision.getHash(), decision.recomputeHash());
    }

    @Test
    void removingTheChosenOptionBreaksTheHash() throws Exception {
        AuditRecord decision = override();
        Field field = AuditRecord.class.getDeclaredField("chosenOption");
        field.setAccessible(true);
        field.set(decision, null);
        assertNotEquals(decision.getHash(), decision.recomputeHash());
    }

    @Test
    void decisionFieldsForgedOntoARecommendationAreAShapeProblem() throws Exception {
        assertTrue(recommendation.shapeProblem().isEmpty());
        assertTrue(override().shapeProblem().isEmpty());
        Field field = AuditRecord.class.getDeclaredField("decision");
        field.setAccessible(true);
        field.set(recommendation, "OVERRIDDEN");

        assertEquals(recommendation.getHash(), recommendation.recomputeHash(), "the recommendation's form omits it");
        assertTrue(recommendation.shapeProblem().orElseThrow().contains("decision fields"));
    }

    @Test
    void onlyARecommendationCanBeDecided() {
        AuditRecord decision = withId(override(), 42L);
        assertThrows(IllegalArgumentException.class,
                () -> AuditRecord.decision(head, SEAL, AT, ADA, decision, "ACCEPTED", null, null, "req-4"));
    }
}
