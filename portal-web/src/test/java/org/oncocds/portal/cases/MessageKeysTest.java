package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.DecisionRefusedException;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.Problem;

/** Every code the prediction module can send has a human text, so that no raw code or {@code ??key??} reaches a page. */
class MessageKeysTest {

    private final Properties messages = Pages.defaultMessages();

    @Test
    void everyProblemHasAMessageNamingTheFieldAndWhatIsAllowed() {
        for (Problem problem : Problem.values()) {
            String message = messages.getProperty(FieldProblem.messageKey(problem));
            assertTrue(message != null, "no message for " + problem);
            assertTrue(message.contains("{0}"), problem + " must name the field: " + message);
        }
        for (Problem bounded : List.of(Problem.BELOW_MINIMUM, Problem.ABOVE_MAXIMUM, Problem.UNKNOWN_CATEGORY)) {
            assertTrue(messages.getProperty(FieldProblem.messageKey(bounded)).contains("{1}"), bounded
                    + " must say what is allowed");
        }
    }

    @Test
    void everyInputCodeAndOptionOfTheColonTaskHasALabel() {
        List<String> missing = new ArrayList<>();
        check(missing, MessageKeys.task(ColonTask.ID));
        ColonTask.TASK.treatmentOptions().forEach(option -> check(missing, MessageKeys.option(ColonTask.ID, option)));
        for (FeatureDescription feature : ColonTask.TASK.features()) {
            check(missing, MessageKeys.feature(ColonTask.ID, feature.name()));
            if (feature.type() == FeatureType.CATEGORY) {
                feature.categories().forEach(code -> check(missing, MessageKeys.category(ColonTask.ID, feature
                        .name(), code)));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theFormsOwnFieldsAndBlankChoicesHaveLabels() {
        List<String> missing = new ArrayList<>();
        List.of(MessageKeys.caseField(CaseForm.MRN), MessageKeys.caseField(CaseForm.REFERENCE_OPTION), MessageKeys
                .caseField("other"), MessageKeys.CHOOSE, MessageKeys.NOT_KNOWN).forEach(key -> check(missing, key));
        assertEquals(List.of(), missing);
    }

    @Test
    void theCategoryLabelsSayWhatTheCodesMean() {
        assertEquals("well differentiated", messages.getProperty("task.colon-recurrence-5y.feature.differ.1"));
        assertEquals("female", messages.getProperty("task.colon-recurrence-5y.feature.sex.0"));
        assertEquals("male", messages.getProperty("task.colon-recurrence-5y.feature.sex.1"));
    }

    @Test
    void everyDecisionOutcomeAndEveryRefusalOfADecisionHasAText() {
        List<String> missing = new ArrayList<>();
        for (Decision decision : Decision.values()) {
            check(missing, "decision.outcome." + decision.name());
        }
        List<DecisionForm> forms = List.of(new DecisionForm("ACCEPTED", "", ""), new DecisionForm("OVERRIDDEN", "",
                ""), new DecisionForm("OVERRIDDEN", "Obs", "x".repeat(AuditTrail.MAX_REASON_LENGTH + 1)),
                new DecisionForm("", "", ""), new DecisionForm("OVERRIDDEN", "Surgery", ""), new DecisionForm(
                        "OVERRIDDEN", "Lev+5FU", ""));
        for (DecisionForm form : forms) {
            form.check(Comparisons.colonResult()).ifPresent(problem -> check(missing, problem.messageKey()));
            for (String field : List.of("requestId", "decision", "chosenOption", "reason", "recommendationRecordId",
                    "event")) {
                for (boolean decided : new boolean[]{true, false}) {
                    check(missing, DecisionProblem.of(new DecisionRefusedException(field, "refused"), form, decided)
                            .messageKey());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theResultSaysTheModelInformsAndTheClinicianDecides() {
        assertTrue(messages.getProperty("result.clinicianDecides").contains("the AI informs, the clinician decides"));
        assertTrue(messages.getProperty("result.aiInforms").contains("you decide"));
        assertTrue(messages.getProperty("decision.reasonHint").contains("do not type the MRN"));
    }

    private void check(List<String> missing, String key) {
        String text = messages.getProperty(key);
        if (text == null || text.isBlank()) {
            missing.add(key);
        }
    }
}
