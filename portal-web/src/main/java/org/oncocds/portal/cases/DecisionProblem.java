package org.oncocds.portal.cases;

import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.DecisionRefusedException;

/**
 * Why a decision was not recorded, shown next to the form's field at fault as {@code #error-<field>}.
 *
 * @param field
 *            {@code decision} (the decision as a whole), {@code chosenOption} or {@code reason}
 * @param messageKey
 *            the message key of the explanation
 * @param maximum
 *            the longest reason accepted, for the texts that name it
 */
record DecisionProblem(String field, String messageKey, int maximum) {

    static DecisionProblem of(String field, String messageKey) {
        return new DecisionProblem(field, messageKey, AuditTrail.MAX_REASON_LENGTH);
    }

    /**
     * The audit trail's refusal in the form's words. The exception names a {@link org.oncocds.audit.boundary.DecisionEvent}
     * component; its message is not shown, it is the audit module's wording for developers.
     *
     * @param alreadyDecided
     *            whether the recommendation has a decision by now (the likely reason for a refused record id)
     */
    static DecisionProblem of(DecisionRefusedException refused, DecisionForm form, boolean alreadyDecided) {
        boolean override = form.chosenDecision().filter(Decision.OVERRIDDEN::equals).isPresent();
        return switch (refused.field()) {
            case DecisionForm.CHOSEN_OPTION -> of(DecisionForm.CHOSEN_OPTION, override
                    ? "decision.problem.optionRequired"
                    : "decision.problem.optionWithAccept");
            case DecisionForm.REASON -> of(DecisionForm.REASON, form.reasonTooLong()
                    ? "decision.problem.reasonTooLong"
                    : "decision.problem.reasonRequired");
            case "recommendationRecordId" -> of(DecisionForm.DECISION, alreadyDecided
                    ? "decision.problem.alreadyDecided"
                    : "decision.problem.notYours");
            default -> of(DecisionForm.DECISION, "decision.problem.refused");
        };
    }

    /** The id of the element showing it. */
    public String errorId() {
        return "error-" + field;
    }
}
