package org.oncocds.audit.boundary;

import org.oncocds.audit.entity.AuditRecord;

/**
 * The checks a {@link DecisionEvent} must pass before anything is locked or written. Messages never repeat a value:
 * free text could hold anything.
 */
final class DecisionRules {

    static final int MAX_ID_LENGTH = AuditRecord.ID_LENGTH;

    private DecisionRules() {
    }

    static void check(DecisionEvent event) {
        if (event == null) {
            throw new DecisionRefusedException("event", "is required");
        }
        requireText("requestId", event.requestId(), MAX_ID_LENGTH);
        if (event.decision() == null) {
            throw new DecisionRefusedException("decision", "is required (ACCEPTED or OVERRIDDEN)");
        }
        if (event.decision() == Decision.OVERRIDDEN) {
            requireText("chosenOption", event.chosenOption(), MAX_ID_LENGTH);
            requireText("reason", event.reason(), AuditTrail.MAX_REASON_LENGTH);
        } else {
            if (blankToNull(event.chosenOption()) != null) {
                throw new DecisionRefusedException("chosenOption", "must be empty when the recommendation is accepted");
            }
            if (event.reason() != null && event.reason().length() > AuditTrail.MAX_REASON_LENGTH) {
                throw tooLong("reason", AuditTrail.MAX_REASON_LENGTH);
            }
        }
    }

    /** Null for a missing or blank text, else the text unchanged. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DecisionRefusedException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw tooLong(field, maxLength);
        }
    }

    private static DecisionRefusedException tooLong(String field, int maxLength) {
        return new DecisionRefusedException(field, "is longer than " + maxLength + " characters");
    }
}
