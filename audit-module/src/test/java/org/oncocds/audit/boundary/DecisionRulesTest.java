package org.oncocds.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private static String refusedField(DecisionEvent event) {
        return assertThrows(DecisionRefusedException.class, () -> DecisionRules.check(event)).field();
    }

    @Test
    void acceptanceNeedsOnlyARequestIdAndTheRecommendation() {
        assertDoesNotThrow(() -> DecisionRules.check(DecisionEvent.accepted("req-1", 7)));
        assertDoesNotThrow(() -> DecisionRules.check(new DecisionEvent("req-1", 7, Decision.ACCEPTED, " ",
                "discussed with the patient")));
    }

    @Test
    void overrideNeedsTheChosenOptionAndAReason() {
        assertDoesNotThrow(() -> DecisionRules.check(DecisionEvent.overridden("req-1", 7, "Lev", "frail patient")));
        assertEquals("chosenOption", refusedField(DecisionEvent.overridden("req-1", 7, null, "frail patient")));
        assertEquals("chosenOption", refusedField(DecisionEvent.overridden("req-1", 7, "  ", "frail patient")));
        assertEquals("reason", refusedField(DecisionEvent.overridden("req-1", 7, "Lev", null)));
        assertEquals("reason", refusedField(DecisionEvent.overridden("req-1", 7, "Lev", " \t\n")));
    }

    @Test
    void reasonIsBoundedForOverridesAndNotesAlike() {
        String tooLong = "x".repeat(AuditTrail.MAX_REASON_LENGTH + 1);
        String longest = "x".repeat(AuditTrail.MAX_REASON_LENGTH);
        assertDoesNotThrow(() -> DecisionRules.check(DecisionEvent.overridden("req-1", 7, "Lev", longest)));
        DecisionRefusedException refused = assertThrows(DecisionRefusedException.class,
                () -> DecisionRules.check(DecisionEvent.overridden("req-1", 7, "Lev", tooLong)));
        assertEquals("reason is longer than 2000 characters", refused.getMessage());
        assertEquals("reason", refusedField(new DecisionEvent("req-1", 7, Decision.ACCEPTED, null, tooLong)));
    }

    @Test
    void acceptanceMayNotNameAnotherOption() {
        assertEquals("chosenOption", refusedField(new DecisionEvent("req-1", 7, Decision.ACCEPTED, "Lev", null)));
    }

    @Test
    void missingPartsAreNamed() {
        assertEquals("event", refusedField(null));
        assertEquals("requestId", refusedField(DecisionEvent.accepted(" ", 7)));
        assertEquals("requestId", refusedField(DecisionEvent.accepted("r".repeat(129), 7)));
        assertEquals("decision", refusedField(new DecisionEvent("req-1", 7, null, null, null)));
    }
}
