package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotterdamRelapseFreeTest {

    private static final List<LabelledCase> COHORT = RotterdamRelapseFree.cohort();

    @Test
    void labelsTheCountsTheDataReadmeStates() {
        assertEquals(2856, COHORT.size());
        double prevalence = COHORT.stream().mapToInt(LabelledCase::label).average().orElseThrow();
        assertEquals(0.446, Math.round(prevalence * 1000) / 1000.0);
        assertEquals(1275, COHORT.stream().mapToInt(LabelledCase::label).sum());
    }

    @Test
    void aRelapseCountsAtTheRelapseTime() {
        // Relapse at day 1000, death much later: event within five years.
        assertEquals(1, RotterdamRelapseFree.label(row("1", "1000", "0", "4000")).orElseThrow());
        // Relapse after the horizon, death before it: the relapse time decides, and it is beyond five years.
        assertEquals(0, RotterdamRelapseFree.label(row("1", "2000", "1", "1500")).orElseThrow());
    }

    @Test
    void withoutRelapseDeathCountsAtTheDeathTime() {
        assertEquals(1, RotterdamRelapseFree.label(row("0", "900", "1", "1500")).orElseThrow());
        assertEquals(0, RotterdamRelapseFree.label(row("0", "900", "1", "1900")).orElseThrow());
    }

    @Test
    void aPatientCensoredBeforeFiveYearsIsLeftOut() {
        assertFalse(RotterdamRelapseFree.label(row("0", "1500", "0", "1826.25")).isPresent());
        assertEquals(0, RotterdamRelapseFree.label(row("0", "1500", "0", "1826.5")).orElseThrow());
    }

    @Test
    void combinesTheTwoTreatmentFlagsIntoOneOption() {
        assertEquals("none", RotterdamRelapseFree.therapy(Map.of("hormon", "0", "chemo", "0")));
        assertEquals("hormonal", RotterdamRelapseFree.therapy(Map.of("hormon", "1", "chemo", "0")));
        assertEquals("chemotherapy", RotterdamRelapseFree.therapy(Map.of("hormon", "0", "chemo", "1")));
        assertEquals("hormonal+chemotherapy", RotterdamRelapseFree.therapy(Map.of("hormon", "1", "chemo", "1")));
        // hormon 339 (28 with chemo), chemo 580: 2091 none, 311 hormonal, 552 chemotherapy, 28 both of 2982 patients
        assertEquals(28, RotterdamRelapseFree.cohort().stream().filter(patient -> patient.values().categories().get(
                "therapy").equals("hormonal+chemotherapy")).count());
    }

    @Test
    void takesTheSizeCategoryFromTheDataAndMillimetresFromTheClinician() {
        FeatureSpec size = RotterdamRelapseFree.TASK.feature("size").orElseThrow();
        assertEquals(ValueKind.NUMBER, size.kind());
        assertEquals("mm", size.unit());
        assertTrue(COHORT.stream().allMatch(patient -> size.categories().contains(patient.values().categories().get(
                "size"))));
        assertEquals("<=20", size.binOf(1));
        assertEquals("<=20", size.binOf(20));
        assertEquals("20-50", size.binOf(20.5));
        assertEquals("20-50", size.binOf(50));
        assertEquals(">50", size.binOf(51));
        CaseValues clinician = new CaseValues(Map.of("size", 35.0, "age", 60.0), Map.of());
        assertEquals(new CaseValues(Map.of("age", 60.0), Map.of("size", "20-50")), RotterdamRelapseFree.TASK
                .modelValues(clinician));
    }

    private static Map<String, String> row(String recur, String rtime, String death, String dtime) {
        Map<String, String> row = new HashMap<>(Map.of("age", "55", "meno", "1", "size", "<=20", "grade", "3", "nodes",
                "0", "pgr", "10", "er", "20", "hormon", "0", "chemo", "0"));
        row.putAll(Map.of("recur", recur, "rtime", rtime, "death", death, "dtime", dtime));
        return row;
    }
}
