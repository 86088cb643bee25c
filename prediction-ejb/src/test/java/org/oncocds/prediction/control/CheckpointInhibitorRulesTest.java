package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each criterion on hand-made patients, at and around its thresholds. */
class CheckpointInhibitorRulesTest {

    @Test
    void msiHighOrDmmrFiresForAnAdvancedTumourOfAnyType() {
        assertEquals("MET", status(0, Map.of("tumourType", "colorectal", "unresectableOrMetastatic", "yes",
                "mmrStatus", "dMMR"), Map.of()));
        assertEquals("MET", status(0, Map.of("tumourType", "other-solid", "unresectableOrMetastatic", "yes",
                "msiStatus", "MSI-H"), Map.of()));
        assertEquals("NOT_MET", status(0, Map.of("tumourType", "colorectal", "unresectableOrMetastatic", "no",
                "msiStatus", "MSI-H"), Map.of()));
        assertEquals("NOT_MET", status(0, Map.of("tumourType", "colorectal", "unresectableOrMetastatic", "yes",
                "msiStatus", "MSS"), Map.of()));
        assertEquals("NOT_EVALUABLE", status(0, Map.of("tumourType", "colorectal", "unresectableOrMetastatic",
                "yes"), Map.of()));
    }

    @Test
    void tmbFiresAtTenMutationsPerMegabaseAndNotBelow() {
        Map<String, String> advanced = Map.of("tumourType", "endometrial", "unresectableOrMetastatic", "yes");
        assertEquals("MET", status(1, advanced, Map.of("tmb", 10.0)));
        assertEquals("NOT_MET", status(1, advanced, Map.of("tmb", 9.99)));
        assertEquals("NOT_EVALUABLE", status(1, advanced, Map.of()));
        assertEquals("NOT_MET", status(1, Map.of("tumourType", "endometrial", "unresectableOrMetastatic", "no"), Map
                .of("tmb", 25.0)));
        assertEquals("TMB 10 mutations/Mb (>= 10)", evaluate(advanced, Map.of("tmb", 10.0)).get(1).explanation());
    }

    @Test
    void nsclcNeedsPdl1OfOnePercentAndNoEgfrOrAlk() {
        Map<String, String> nsclc = new HashMap<>(Map.of("tumourType", "nsclc", "unresectableOrMetastatic", "yes",
                "egfrOrAlkAlteration", "no"));
        assertEquals("MET", status(2, nsclc, Map.of("pdl1Tps", 1.0)));
        assertEquals("PD-L1 TPS 50% (high expression, >= 50%), no EGFR/ALK alteration", evaluate(nsclc, Map.of(
                "pdl1Tps", 50.0)).get(2).explanation());
        assertEquals("NOT_MET", status(2, nsclc, Map.of("pdl1Tps", 0.5)));
        assertEquals("NOT_EVALUABLE", status(2, nsclc, Map.of()));
        nsclc.put("egfrOrAlkAlteration", "yes");
        assertEquals("NOT_MET", status(2, nsclc, Map.of("pdl1Tps", 80.0)));
        nsclc.remove("egfrOrAlkAlteration");
        assertEquals("NOT_EVALUABLE", status(2, nsclc, Map.of("pdl1Tps", 80.0)));
        assertEquals("NOT_MET", status(2, Map.of("tumourType", "melanoma", "unresectableOrMetastatic", "yes"), Map.of(
                "pdl1Tps", 80.0)));
    }

    @Test
    void advancedMelanomaFiresWhateverItsBiomarkers() {
        assertEquals("MET", status(3, Map.of("tumourType", "melanoma", "unresectableOrMetastatic", "yes"), Map.of()));
        assertEquals("NOT_MET", status(3, Map.of("tumourType", "melanoma", "unresectableOrMetastatic", "no"), Map
                .of()));
    }

    @Test
    void theDefinitionCarriesVersionThresholdsAndSourcesAndHashesStably() {
        String definition = CheckpointInhibitorRules.definition();
        assertTrue(definition.contains("\"version\":\"immunotherapy-candidacy/2025.1\""), definition);
        assertTrue(definition.contains("\"tmbHighMutationsPerMb\":10"), definition);
        assertTrue(definition.contains("16 June 2020"), definition);
        assertTrue(definition.contains("23 May 2017"), definition);
        assertEquals(CheckpointInhibitorRules.sha256(), ModelTrainer.sha256(definition.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(CheckpointInhibitorRules.sha256().matches("[0-9a-f]{64}"));
    }

    private static String status(int criterion, Map<String, String> categories, Map<String, Double> numbers) {
        return evaluate(categories, numbers).get(criterion).status();
    }

    private static List<CheckpointInhibitorRules.Evaluation> evaluate(Map<String, String> categories,
            Map<String, Double> numbers) {
        return CheckpointInhibitorRules.evaluate(new CaseValues(numbers, categories));
    }
}
