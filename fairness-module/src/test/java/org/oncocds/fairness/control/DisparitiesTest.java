package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisparitiesTest {

    private static final double EXACT = 1e-12;

    private static GroupingResult analyse(AnalysisPlan plan, String first, double[][] firstRows, String second,
            double[][] secondRows) {
        SubgroupAnalysis analysis = new SubgroupAnalysis(plan);
        Plans.addRows(analysis, "g", first, firstRows);
        Plans.addRows(analysis, "g", second, secondRows);
        return Plans.grouping(analysis.finish(), "g");
    }

    /** x against y (the largest group, so the reference). */
    private static GroupingResult xy() {
        return analyse(Plans.pointsOnly("g"), "x", Tables.X, "y", Tables.Y);
    }

    private static double point(GroupingResult grouping, Gap gap, String group) {
        return Plans.gap(grouping, gap, group).value().point();
    }

    @Test
    void largestGroupIsTheDefaultReference() {
        GroupingResult grouping = xy();
        assertEquals("y", grouping.referenceGroup());
        assertEquals("largest group", grouping.referenceRule());
        assertTrue(grouping.gaps().stream().noneMatch(gap -> "y".equals(gap.group())));
    }

    @Test
    void differencesAgainstTheReference() {
        GroupingResult grouping = xy();
        // selection rates: x (1 TP + 2 FP) / 5 = 0.6, y (2 TP + 1 FP) / 6 = 0.5
        assertEquals(0.1, point(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "x"), EXACT);
        assertEquals(1.2, point(grouping, Gap.DEMOGRAPHIC_PARITY_RATIO, "x"), EXACT); // 0.6 / 0.5
        // TPR: x 1/2, y 2/3
        assertEquals(1.0 / 2 - 2.0 / 3, point(grouping, Gap.EQUAL_OPPORTUNITY_DIFFERENCE, "x"), EXACT);
        // FPR: x 2/3, y 1/3; max(|1/2 - 2/3|, |2/3 - 1/3|) = 1/3
        assertEquals(1.0 / 3, point(grouping, Gap.EQUALIZED_ODDS_DIFFERENCE, "x"), EXACT);
        // PPV: x 1/3, y 2/3
        assertEquals(1.0 / 3 - 2.0 / 3, point(grouping, Gap.PREDICTIVE_PARITY_DIFFERENCE, "x"), EXACT);
        // O/E: x 2 / (0.9 + 0.2 + 0.7 + 0.1 + 0.8 = 2.7), y 3 / (0.9 + 0.8 + 0.3 + 0.6 + 0.2 + 0.1 = 2.9)
        assertEquals(2 / 2.7 - 3 / 2.9, point(grouping, Gap.CALIBRATION_DIFFERENCE, "x"), EXACT);
    }

    @Test
    void maxMinusMinAcrossAllGroups() {
        GroupingResult grouping = xy();
        assertEquals(0.1, point(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, null), EXACT); // 0.6 - 0.5
        assertEquals(0.5 / 0.6, point(grouping, Gap.DEMOGRAPHIC_PARITY_RATIO, null), EXACT); // min / max
        assertEquals(2.0 / 3 - 1.0 / 2, point(grouping, Gap.EQUAL_OPPORTUNITY_DIFFERENCE, null), EXACT);
        // max(TPR range 1/6, FPR range 1/3)
        assertEquals(1.0 / 3, point(grouping, Gap.EQUALIZED_ODDS_DIFFERENCE, null), EXACT);
        assertEquals(1.0 / 3, point(grouping, Gap.PREDICTIVE_PARITY_DIFFERENCE, null), EXACT);
        assertEquals(3 / 2.9 - 2 / 2.7, point(grouping, Gap.CALIBRATION_DIFFERENCE, null), EXACT);
    }

    @Test
    void disparitiesBuiltOnAnUndefinedMeasureAreUndefinedAndNamed() {
        // a (n = 10) is the reference; b has no events, so its TPR is undefined
        GroupingResult grouping = analyse(Plans.pointsOnly("g"), "a", Tables.A, "b", Tables.B);
        assertEquals("a", grouping.referenceGroup());
        String reason = "TRUE_POSITIVE_RATE is undefined in group 'b': no observed events (label 1) in the group";
        for (Gap gap : new Gap[]{Gap.EQUAL_OPPORTUNITY_DIFFERENCE, Gap.EQUALIZED_ODDS_DIFFERENCE}) {
            for (String group : new String[]{"b", null}) {
                GapResult result = Plans.gap(grouping, gap, group);
                assertFalse(result.value().defined());
                assertEquals(reason, result.value().undefinedReason());
                assertEquals(Assessment.NOT_ASSESSED, result.assessment());
            }
        }
        // selection rates 0.4 (b) and 0.5 (a); PPV 0 and 0.6; O/E 0 and 4/4.9
        assertEquals(0.4 - 0.5, point(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "b"), EXACT);
        assertEquals(0.4 / 0.5, point(grouping, Gap.DEMOGRAPHIC_PARITY_RATIO, "b"), EXACT);
        assertEquals(-0.6, point(grouping, Gap.PREDICTIVE_PARITY_DIFFERENCE, "b"), EXACT);
        assertEquals(-4 / 4.9, point(grouping, Gap.CALIBRATION_DIFFERENCE, "b"), EXACT);
    }

    @Test
    void ratioAgainstAReferenceWithoutPositivePredictionsIsUndefined() {
        // threshold 0.95: nobody is predicted positive anywhere
        GroupingResult grouping = analyse(Plans.with(Plans.pointsOnly("g"), 0.95, 1, 0, 1), "x", Tables.X, "y",
                Tables.Y);
        GapResult ratio = Plans.gap(grouping, Gap.DEMOGRAPHIC_PARITY_RATIO, "x");
        assertEquals("the reference group has no row predicted positive", ratio.value().undefinedReason());
        assertEquals("no group has any row predicted positive", Plans.gap(grouping, Gap.DEMOGRAPHIC_PARITY_RATIO,
                null).value().undefinedReason());
        assertEquals(0.0, point(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "x"), EXACT);
    }

    @Test
    void aNamedReferenceGroupReplacesTheLargest() {
        GroupingResult grouping = analyse(Plans.withReference(Plans.pointsOnly("g"), "g", "x"), "x", Tables.X, "y",
                Tables.Y);
        assertEquals("x", grouping.referenceGroup());
        assertEquals("named in the request", grouping.referenceRule());
        assertEquals(0.5 - 0.6, point(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "y"), EXACT);
    }

    @Test
    void aNamedReferenceGroupWithoutRowsLeavesComparisonsUnassessed() {
        GroupingResult grouping = analyse(Plans.withReference(Plans.pointsOnly("g"), "g", "z"), "x", Tables.X, "y",
                Tables.Y);
        GapResult result = Plans.gap(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "x");
        assertEquals(Assessment.NOT_ASSESSED, result.assessment());
        assertEquals("the reference group 'z' has no rows", result.reason());
        // across all groups does not need a reference
        assertEquals(0.1, point(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, null), EXACT);
    }

    @Test
    void withoutIntervalsABreachIsOnlyAWarning() {
        GapResult odds = Plans.gap(xy(), Gap.EQUALIZED_ODDS_DIFFERENCE, "x");
        assertEquals(Assessment.WARN, odds.assessment()); // 1/3 > 0.10
        assertTrue(odds.reason().contains("no confidence interval"), odds.reason());
        assertEquals(Assessment.PASS, Plans.gap(xy(), Gap.DEMOGRAPHIC_PARITY_RATIO, "x").assessment()); // 1.2
    }
}
