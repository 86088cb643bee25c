package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupingsTest {

    private static AnalysisPlan sexAgePlan(int minimumGroupSize) {
        return new AnalysisPlan(List.of(List.of("sex"), List.of("age"), List.of("sex", "age")), Map.of("age", List
                .of(50.0, 65.0)), 0.5, Map.of(), minimumGroupSize, 0, 1L, Plans.defaultTolerances(), false);
    }

    /** Rows {label, score, sex, age}. */
    private static AnalysisResult analyse(AnalysisPlan plan, Object[][] rows) {
        SubgroupAnalysis analysis = new SubgroupAnalysis(plan);
        for (Object[] row : rows) {
            analysis.add((Integer) row[0], (Double) row[1], Map.of("sex", (String) row[2], "age", (String) row[3]));
        }
        return analysis.finish();
    }

    private static final Object[][] PATIENTS = {{1, 0.8, "1", "45"}, {0, 0.3, "1", "49"}, {1, 0.6, "0", "50"},
            {0, 0.2, "0", "64"}, {0, 0.7, "1", "64.9"}, {1, 0.9, "0", "65"}, {1, 0.4, "0", "80"}, {0, 0.1,
                    "1", "30"}};

    @Test
    void ageBandsFollowTheCutPoints() {
        assertEquals(List.of("<50", "50-64", "65+"), AttributeColumn.bandLabels(new double[]{50, 65}));
        assertEquals(List.of("<0.5", "0.5+"), AttributeColumn.bandLabels(new double[]{0.5}));
        assertEquals(List.of("<2.5", "2.5 to <4", "4+"), AttributeColumn.bandLabels(new double[]{2.5, 4}));
        GroupingResult age = Plans.grouping(analyse(sexAgePlan(1), PATIENTS), "age");
        // <50: 45, 49, 30; 50-64: 50, 64, 64.9 (completed years); 65+: 65, 80 -- in band order, not label order
        assertEquals(List.of("<50", "50-64", "65+"), age.groups().stream().map(SubgroupResult::label).toList());
        assertEquals(List.of(3L, 3L, 2L), age.groups().stream().map(SubgroupResult::n).toList());
    }

    @Test
    void intersectionsGroupByBothAttributes() {
        GroupingResult both = Plans.grouping(analyse(sexAgePlan(1), PATIENTS), "sex × age");
        assertEquals(List.of("sex", "age"), both.attributes());
        // sex 0: ages 50, 64, 65, 80 -> 0 × 50-64 (2), 0 × 65+ (2); sex 1: 45, 49, 64.9, 30 -> 1 × <50 (3), 1 × 50-64
        assertEquals(List.of("0 × 50-64", "0 × 65+", "1 × <50", "1 × 50-64"), both.groups().stream().map(
                SubgroupResult::label).toList());
        assertEquals(List.of(2L, 2L, 3L, 1L), both.groups().stream().map(SubgroupResult::n).toList());
        // 1 × <50: labels 1, 0, 0 -> base rate 1/3; 0 × 65+: labels 1, 1 -> 1
        assertEquals(1.0 / 3, Plans.group(both, "1 × <50").measures().get(Measure.BASE_RATE).point(), 1e-12);
        assertEquals(1.0, Plans.group(both, "0 × 65+").measures().get(Measure.BASE_RATE).point(), 1e-12);
        assertEquals("1 × <50", both.referenceGroup());
    }

    @Test
    void smallGroupsAreReportedAsInsufficientNotDropped() {
        // minimum 3: in sex × age only "1 × <50" (n = 3) is sufficient
        GroupingResult both = Plans.grouping(analyse(sexAgePlan(3), PATIENTS), "sex × age");
        assertEquals(4, both.groups().size());
        SubgroupResult small = Plans.group(both, "0 × 65+");
        assertFalse(small.sufficient());
        Value rate = small.measures().get(Measure.BASE_RATE);
        assertEquals(1.0, rate.point(), 1e-12);
        assertEquals("'0 × 65+' has insufficient data: n = 2 is under the minimum group size 3", rate
                .noIntervalReason());
        GapResult gap = Plans.gap(both, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "0 × 65+");
        assertEquals(Assessment.NOT_ASSESSED, gap.assessment());
        assertEquals("the group '0 × 65+' has insufficient data: n = 2 is under the minimum group size 3", gap
                .reason());
        assertEquals("fewer than two groups have sufficient data", Plans.gap(both, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE,
                null).reason());
        assertTrue(Plans.group(both, "1 × <50").sufficient());
    }

    @Test
    void anInsufficientReferenceLeavesComparisonsUnassessed() {
        AnalysisPlan plan = Plans.withReference(sexAgePlan(3), "age", "65+");
        GroupingResult age = Plans.grouping(analyse(plan, PATIENTS), "age");
        GapResult gap = Plans.gap(age, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "<50");
        assertEquals("the reference group '65+' has insufficient data: n = 2 is under the minimum group size 3", gap
                .reason());
        // across groups uses the two sufficient bands: selection rates <50 1/3 (0.8), 50-64 2/3 (0.6, 0.7)
        assertEquals(1.0 / 3, Plans.gap(age, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, null).value().point(), 1e-12);
    }

    @Test
    void invalidRowsAreRefusedNamingTheRowAndTheColumn() {
        assertRefused(new Object[][]{{1, 0.5, "1", "40"}, {2, 0.5, "1", "40"}}, 2, "label",
                "row 2, column 'label': 2 is not 0 or 1");
        assertRefused(new Object[][]{{1, 1.2, "1", "40"}}, 1, "score",
                "row 1, column 'score': 1.2 is not between 0 and 1");
        assertRefused(new Object[][]{{0, 0.1, "1", "40"}, {1, -0.1, "1", "40"}}, 2, "score",
                "row 2, column 'score': -0.1 is not between 0 and 1");
        assertRefused(new Object[][]{{1, Double.NaN, "1", "40"}}, 1, "score",
                "row 1, column 'score': NaN is not between 0 and 1");
        assertRefused(new Object[][]{{1, 0.5, "1", "forty"}}, 1, "age",
                "row 1, column 'age': 'forty' is not a number");
        assertRefused(new Object[][]{{1, 0.5, " ", "40"}}, 1, "sex", "row 1, column 'sex': missing value");
    }

    @Test
    void aMissingAttributeIsRefused() {
        SubgroupAnalysis analysis = new SubgroupAnalysis(sexAgePlan(1));
        analysis.add(1, 0.5, Map.of("sex", "1", "age", "40"));
        RowRefusedException refused = assertThrows(RowRefusedException.class, () -> analysis.add(0, 0.5, Map.of(
                "sex", "1")));
        assertEquals("row 2, column 'age': missing value", refused.getMessage());
    }

    @Test
    void anAttributeWithTooManyValuesIsRefused() {
        SubgroupAnalysis analysis = new SubgroupAnalysis(Plans.pointsOnly("id"));
        for (int i = 1; i <= 64; i++) {
            analysis.add(0, 0.5, Map.of("id", "patient-" + i));
        }
        RowRefusedException refused = assertThrows(RowRefusedException.class, () -> analysis.add(0, 0.5, Map.of(
                "id", "patient-65")));
        assertEquals(65, refused.row());
        assertTrue(refused.getMessage().startsWith("row 65, column 'id': more than 64 distinct values"));
    }

    private static void assertRefused(Object[][] rows, long row, String column, String message) {
        RowRefusedException refused = assertThrows(RowRefusedException.class, () -> analyse(sexAgePlan(1), rows));
        assertEquals(row, refused.row());
        assertEquals(column, refused.column());
        assertEquals(message, refused.getMessage());
    }
}
