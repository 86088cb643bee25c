package org.oncocds.portal.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.RecordedDecision;

/**
 * Builds the model of the result page ({@code cases/result}): the comparison, and either the clinician's recorded
 * decision or the form to record it (as typed, with the refusal if there was one).
 */
final class ResultPage {

    static final String VIEW = "cases/result";

    private ResultPage() {
    }

    static Map<String, Object> model(CaseResult result, Optional<RecordedDecision> decision, DecisionForm form,
            DecisionProblem problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("decision", decision.map(recorded -> DecisionView.of(recorded, result)).orElse(null));
        model.put("decisionForm", form);
        model.put("decisionProblem", problem);
        model.put("maxReasonLength", AuditTrail.MAX_REASON_LENGTH);
        return model;
    }

    static Map<String, Object> model(CaseResult result, Optional<RecordedDecision> decision) {
        return model(result, decision, DecisionForm.BLANK, null);
    }
}
