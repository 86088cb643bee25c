package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.Problem;

class CaseFormPageTest {

    @Test
    void numbersBecomeNumberInputsWithTheirBounds() {
        FormField age = feature(model(List.of()), "age");

        assertEquals(FormField.Input.NUMBER, age.input());
        assertEquals("18", age.minimum());
        assertEquals("100", age.maximum());
        assertEquals("1", age.step());
        assertEquals("task.colon-recurrence-5y.feature.age", age.labelKey());
    }

    @Test
    void categoriesBecomeSelectsWithHumanLabelsAndABlankFirstChoice() {
        FormField differ = feature(model(List.of()), "differ");

        assertEquals(FormField.Input.SELECT, differ.input());
        assertEquals(List.of("", "1", "2", "3"), differ.choices().stream().map(Choice::value).toList());
        assertEquals(MessageKeys.NOT_KNOWN, differ.choices().get(0).labelKey(), "differ is optional: imputed");
        assertEquals("task.colon-recurrence-5y.feature.differ.1", differ.choices().get(1).labelKey());
        assertEquals(MessageKeys.CHOOSE, feature(model(List.of()), "extent").choices().get(0).labelKey());
    }

    @Test
    void theReferenceOptionIsPreselectedFromTheTask() {
        FormField reference = (FormField) model(List.of()).get("referenceField");

        assertEquals(List.of("Obs", "Lev", "Lev+5FU"), reference.choices().stream().map(Choice::value).toList());
        assertTrue(reference.choices().get(0).selected());
        assertEquals("task.colon-recurrence-5y.option.Lev+5FU", reference.choices().get(2).labelKey());
    }

    @Test
    void eachRefusedInputCarriesItsProblemAndTheOthersNone() {
        Map<String, Object> model = model(List.of(new FieldError("age", Problem.BELOW_MINIMUM, "18",
                "age must be at least 18"), new FieldError("mrn", Problem.REQUIRED, "", "mrn is required")));

        FieldProblem age = feature(model, "age").problem();
        assertEquals("problem.BELOW_MINIMUM", age.messageKey());
        assertEquals("task.colon-recurrence-5y.feature.age", age.labelKey());
        assertEquals("18", age.allowed());
        assertEquals("case.field.mrn", ((FormField) model.get("mrnField")).problem().labelKey());
        assertNull(feature(model, "sex").problem());
        assertEquals(true, model.get("refused"));
    }

    @Test
    void aProblemWithNoInputOnTheFormIsShownAboveIt() {
        Map<String, Object> model = model(List.of(new FieldError("taskId", Problem.UNKNOWN_TASK,
                "colon-recurrence-5y", "unknown task")));

        @SuppressWarnings("unchecked")
        List<FieldProblem> others = (List<FieldProblem>) model.get("otherProblems");
        assertEquals(1, others.size());
        assertEquals("case.field.other", others.get(0).labelKey());
    }

    @Test
    void typedValuesAreKeptAndSelectedAgain() {
        CaseForm typed = new CaseForm(ColonTask.ID, "MRN-1", Map.of("age", "-3", "differ", "2"), "Lev");
        Map<String, Object> model = CaseFormPage.model(ColonTask.TASK, typed, List.of());

        assertEquals("-3", feature(model, "age").value());
        assertTrue(feature(model, "differ").choices().get(2).selected());
        assertFalse(feature(model, "differ").choices().get(0).selected());
        assertEquals("MRN-1", ((FormField) model.get("mrnField")).value());
    }

    @Test
    void boundsArePrintedTheWayHtmlExpectsThem() {
        assertEquals("18", CaseFormPage.number(18.0));
        assertEquals("0.5", CaseFormPage.number(0.5));
        assertNull(CaseFormPage.number(null));
    }

    private static Map<String, Object> model(List<FieldError> errors) {
        return CaseFormPage.model(ColonTask.TASK, CaseForm.blank(ColonTask.TASK), errors);
    }

    @SuppressWarnings("unchecked")
    private static FormField feature(Map<String, Object> model, String name) {
        return ((List<FormField>) model.get("features")).stream().filter(field -> field.name().equals(name))
                .findFirst().orElseThrow();
    }
}
