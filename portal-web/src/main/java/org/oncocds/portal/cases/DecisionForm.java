package org.oncocds.portal.cases;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.DecisionEvent;

/**
 * The clinician's decision as typed into the result page's form: which button ({@code decision}), the option chosen
 * instead and the reason. Values are kept as typed so that a refused form comes back unchanged.
 *
 * @param decision
 *            {@code ACCEPTED} or {@code OVERRIDDEN} as the pressed button sends it; anything else is refused
 * @param chosenOption
 *            the option chosen instead, empty when none was chosen
 * @param reason
 *            the reason (required for an override) or an acceptance's optional note, empty when none was typed
 */
record DecisionForm(String decision, String chosenOption, String reason) {

    static final String DECISION = "decision";
    static final String CHOSEN_OPTION = "chosenOption";
    static final String REASON = "reason";

    static final DecisionForm BLANK = new DecisionForm("", "", "");

    static DecisionForm read(UnaryOperator<String> parameters) {
        return new DecisionForm(text(parameters.apply(DECISION)), text(parameters.apply(CHOSEN_OPTION)), text(
                parameters.apply(REASON)));
    }

    /** The pressed button's decision, if it names one. */
    Optional<Decision> chosenDecision() {
        for (Decision candidate : Decision.values()) {
            if (candidate.name().equals(decision)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * What the portal refuses before asking the audit trail, which does not know the task: no button, or an override
     * to an option the comparison does not show or to the option an acceptance would follow.
     */
    Optional<DecisionProblem> check(CaseResult result) {
        Optional<Decision> chosen = chosenDecision();
        if (chosen.isEmpty()) {
            return Optional.of(DecisionProblem.of(DECISION, "decision.problem.noDecision"));
        }
        if (chosen.get() == Decision.OVERRIDDEN && !chosenOption.isEmpty()) {
            if (result.option(chosenOption).isEmpty()) {
                return Optional.of(DecisionProblem.of(CHOSEN_OPTION, "decision.problem.unknownOption"));
            }
            if (chosenOption.equals(result.lowestRiskOption())) {
                return Optional.of(DecisionProblem.of(CHOSEN_OPTION, "decision.problem.sameAsAccept"));
            }
        }
        return Optional.empty();
    }

    /** The event for the audit trail; call only after {@link #check} found nothing. Empty values are sent as absent. */
    DecisionEvent toEvent(String requestId, long recommendationRecordId) {
        return new DecisionEvent(requestId, recommendationRecordId, chosenDecision().orElseThrow(), blankToNull(
                chosenOption), blankToNull(reason));
    }

    /** Whether the reason is longer than the audit trail keeps. */
    boolean reasonTooLong() {
        return reason.length() > AuditTrail.MAX_REASON_LENGTH;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
