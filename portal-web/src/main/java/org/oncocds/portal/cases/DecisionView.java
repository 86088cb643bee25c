package org.oncocds.portal.cases;

import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.RecordedDecision;

/**
 * A recorded decision as the result page shows it.
 *
 * @param outcome
 *            {@code ACCEPTED} or {@code OVERRIDDEN}
 * @param outcomeKey
 *            the message key of the outcome's text
 * @param optionKey
 *            the message key of the option the clinician follows: the chosen one, or for an acceptance the one with
 *            the lowest predicted risk
 * @param reason
 *            the reason or note as typed, empty when none
 * @param recordedAt
 *            when it was recorded (UTC, ISO 8601)
 * @param recordId
 *            the decision's own audit record
 */
record DecisionView(String outcome, String outcomeKey, String optionKey, String reason, String recordedAt,
        long recordId) {

    static DecisionView of(RecordedDecision decision, CaseResult result) {
        boolean accepted = decision.decision() == Decision.ACCEPTED;
        String option = accepted ? result.lowestRiskOption() : decision.chosenOption();
        return new DecisionView(decision.decision().name(), "decision.outcome." + decision.decision().name(),
                MessageKeys.option(result.taskId(), option), decision.reason() == null ? "" : decision.reason(),
                decision.recordedAt().toString(), decision.recordId());
    }

    public boolean hasReason() {
        return !reason.isEmpty();
    }
}
