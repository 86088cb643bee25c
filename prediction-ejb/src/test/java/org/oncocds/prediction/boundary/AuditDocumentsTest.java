package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.ColonRecurrence;
import org.oncocds.prediction.control.FeatureEffect;

class AuditDocumentsTest {

    private static final CaseValues GIVEN = new CaseValues(Map.of("age", 63.0), Map.of("sex", "1", "obstruct", "0",
            "perfor", "0", "adhere", "1", "extent", "3", "surg", "0"));
    private static final CaseValues IMPUTATION = new CaseValues(Map.of("nodes", 3.65), Map.of("differ", "2"));
    private static final ValidCase VALID = new ValidCase(ColonRecurrence.TASK, "MRN-0042", GIVEN, "Obs");

    @Test
    void writesEveryFeatureSortedAndMarksTheImputedOnes() {
        String json = AuditDocuments.inputsJson(VALID, GIVEN.completedWith(IMPUTATION));
        assertEquals("{\"features\":{" + "\"adhere\":{\"imputed\":false,\"value\":\"1\"},"
                + "\"age\":{\"imputed\":false,\"value\":63}," + "\"differ\":{\"imputed\":true,\"value\":\"2\"},"
                + "\"extent\":{\"imputed\":false,\"value\":\"3\"},"
                + "\"nodes\":{\"imputed\":true,\"value\":3.65},"
                + "\"obstruct\":{\"imputed\":false,\"value\":\"0\"},"
                + "\"perfor\":{\"imputed\":false,\"value\":\"0\"},"
                + "\"sex\":{\"imputed\":false,\"value\":\"1\"},"
                + "\"surg\":{\"imputed\":false,\"value\":\"0\"}},"
                + "\"referenceOption\":\"Obs\",\"taskId\":\"colon-recurrence-5y\"}", json);
    }

    @Test
    void neverWritesTheMrn() {
        String json = AuditDocuments.inputsJson(VALID, GIVEN.completedWith(IMPUTATION));
        assertEquals(-1, json.indexOf("MRN-0042"));
    }

    @Test
    void listsTheInputsInTheTasksOrder() {
        List<InputValue> inputs = AuditDocuments.inputValues(VALID, GIVEN.completedWith(IMPUTATION));
        assertEquals(List.of("sex", "age", "obstruct", "perfor", "adhere", "nodes", "differ", "extent", "surg"), inputs
                .stream().map(InputValue::feature).toList());
        assertEquals(new InputValue("age", "63", false), inputs.get(1));
        assertEquals(new InputValue("nodes", "3.65", true), inputs.get(5));
        assertEquals(new InputValue("differ", "2", true), inputs.get(6));
    }

    @Test
    void writesTheOptionsInOrderWithTheirBenefit() {
        List<OptionRisk> options = List.of(new OptionRisk("Obs", 0.5, 0.0), new OptionRisk("Lev", 0.45, 0.05));
        List<Driver> drivers = List.of(new Driver("nodes", "9", "3.66", 0.125), new Driver("sex", "0", "1", -0.01));
        assertEquals("{\"drivers\":[{\"feature\":\"nodes\",\"referenceValue\":\"3.66\",\"riskChange\":0.125,"
                + "\"value\":\"9\"},{\"feature\":\"sex\",\"referenceValue\":\"1\",\"riskChange\":-0.01,"
                + "\"value\":\"0\"}],"
                + "\"options\":[{\"absoluteBenefit\":0,\"option\":\"Obs\",\"risk\":0.5},"
                + "{\"absoluteBenefit\":0.05,\"option\":\"Lev\",\"risk\":0.45}],\"referenceOption\":\"Obs\"}",
                AuditDocuments.outputsJson("Obs", options, drivers));
    }

    @Test
    void writesTheUncertaintyIntervalsWhenTheyWereComputed() {
        List<OptionRisk> options = List.of(new OptionRisk("Obs", 0.5, 0.0, 0.45, 0.55, 0.0, 0.0), new OptionRisk(
                "Lev", 0.4, 0.1, 0.35, 0.46, 0.02, 0.18));
        assertEquals("{\"drivers\":[],\"options\":["
                + "{\"absoluteBenefit\":0,\"benefitInterval\":[0,0],\"option\":\"Obs\",\"risk\":0.5,"
                + "\"riskInterval\":[0.45,0.55]},"
                + "{\"absoluteBenefit\":0.1,\"benefitInterval\":[0.02,0.18],\"option\":\"Lev\",\"risk\":0.4,"
                + "\"riskInterval\":[0.35,0.46]}],\"referenceOption\":\"Obs\"}",
                AuditDocuments.outputsJson("Obs",
                        options, List.of()));
    }

    @Test
    void showsDriverValuesAsTheInputsAreShown() {
        List<Driver> drivers = AuditDocuments.drivers(List.of(new FeatureEffect("age", 63.0, 59.754, 0.02),
                new FeatureEffect("differ", "3", "2", 0.05)));
        assertEquals(List.of(new Driver("age", "63", "59.754", 0.02), new Driver("differ", "3", "2", 0.05)),
                drivers);
    }

    @Test
    void computesTheAbsoluteBenefitAgainstTheReference() {
        Map<String, Double> risks = new LinkedHashMap<>();
        risks.put("Obs", 0.6);
        risks.put("Lev", 0.55);
        risks.put("Lev+5FU", 0.4);
        List<OptionRisk> options = Recommendations.optionRisks(risks, "Lev");
        assertEquals(List.of("Obs", "Lev", "Lev+5FU"), options.stream().map(OptionRisk::option).toList());
        assertEquals(0.55 - 0.6, options.get(0).absoluteBenefit(), 1e-12);
        assertEquals(0.0, options.get(1).absoluteBenefit());
        assertEquals(0.55 - 0.4, options.get(2).absoluteBenefit(), 1e-12);
    }

    @Test
    void recommendsTheLowestRiskOptionOnlyForARandomisedTask() {
        List<OptionRisk> options = List.of(new OptionRisk("Obs", 0.5, 0), new OptionRisk("Lev", 0.52, -0.02),
                new OptionRisk("Lev+5FU", 0.41, 0.09));
        assertEquals(java.util.Optional.of("Lev+5FU"), AuditDocuments.recommendedOption(true, options));
        assertEquals(java.util.Optional.empty(), AuditDocuments.recommendedOption(false, options));
        assertTrue(AuditDocuments.outputsJson("Obs", options, List.of(), java.util.Optional.of("Lev+5FU")).contains(
                "\"recommendedOption\":\"Lev+5FU\""));
        assertFalse(AuditDocuments.outputsJson("Obs", options, List.of()).contains("recommendedOption"));
    }
}
