package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColonRecurrenceTest {

    private static final List<LabelledCase> COHORT = ColonRecurrence.cohort();

    @Test
    void labelsTheCountsTheDataReadmeStates() {
        assertEquals(888, COHORT.size());
        double prevalence = COHORT.stream().mapToInt(LabelledCase::label).average().orElseThrow();
        assertEquals(0.508, Math.round(prevalence * 1000) / 1000.0);
    }

    @Test
    void keepsTheTreatmentArmOfEveryPatient() {
        assertTrue(COHORT.stream().allMatch(patient -> ColonRecurrence.TASK.treatmentOptions().contains(patient
                .values().categories().get("rx"))));
    }

    @Test
    void leavesMissingNodesAndDifferMissing() {
        assertTrue(COHORT.stream().anyMatch(patient -> !patient.values().has("nodes")));
        assertTrue(COHORT.stream().anyMatch(patient -> !patient.values().has("differ")));
        assertTrue(COHORT.stream().allMatch(patient -> patient.values().has("age")));
    }

    @Test
    void usesOnlyRecurrenceRecords() {
        Map<String, String> death = row("2", "1", "100");
        Map<String, String> recurrence = row("1", "1", "100");
        assertEquals(1, ColonRecurrence.cohort(List.of(death, recurrence)).size());
    }

    @Test
    void appliesTheHorizonRules() {
        assertEquals(1, SurvivalLabel.of(1826.25, true, ColonRecurrence.HORIZON_DAYS).orElseThrow());
        assertEquals(0, SurvivalLabel.of(1826.5, true, ColonRecurrence.HORIZON_DAYS).orElseThrow());
        assertEquals(0, SurvivalLabel.of(3000, false, ColonRecurrence.HORIZON_DAYS).orElseThrow());
        assertFalse(SurvivalLabel.of(1826.25, false, ColonRecurrence.HORIZON_DAYS).isPresent());
        assertFalse(SurvivalLabel.of(10, false, ColonRecurrence.HORIZON_DAYS).isPresent());
    }

    private static Map<String, String> row(String etype, String status, String time) {
        return Map.ofEntries(Map.entry("etype", etype), Map.entry("status", status), Map.entry("time", time), Map
                .entry("rx", "Lev"), Map.entry("sex", "1"), Map.entry("age", "60"), Map.entry("obstruct", "0"),
                Map
                        .entry("perfor", "0"),
                Map.entry("adhere", "0"), Map.entry("nodes", ""), Map.entry("differ",
                        "2"),
                Map.entry("extent", "3"), Map.entry("surg", "0"));
    }
}
