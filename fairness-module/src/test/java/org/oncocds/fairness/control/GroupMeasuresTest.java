package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupMeasuresTest {

    private static final double EXACT = 1e-12;

    private Map<Measure, Value> measuresOf(double threshold, String group) {
        SubgroupAnalysis analysis = new SubgroupAnalysis(Plans.with(Plans.pointsOnly("g"), threshold, 1, 0, 1));
        Plans.addRows(analysis, "g", "a", Tables.A);
        Plans.addRows(analysis, "g", "b", Tables.B);
        return Plans.group(Plans.grouping(analysis.finish(), "g"), group).measures();
    }

    private static double point(Map<Measure, Value> measures, Measure measure) {
        return measures.get(measure).point();
    }

    @Test
    void confusionMatrixRatesOfTableA() {
        Map<Measure, Value> a = measuresOf(0.5, "a");
        assertEquals(0.4, point(a, Measure.BASE_RATE), EXACT); // P / n = 4 / 10
        assertEquals(0.5, point(a, Measure.SELECTION_RATE), EXACT); // (TP + FP) / n = (3 + 2) / 10
        assertEquals(0.75, point(a, Measure.TRUE_POSITIVE_RATE), EXACT); // TP / P = 3 / 4
        assertEquals(1.0 / 3, point(a, Measure.FALSE_POSITIVE_RATE), EXACT); // FP / N = 2 / 6
        assertEquals(0.25, point(a, Measure.FALSE_NEGATIVE_RATE), EXACT); // FN / P = 1 / 4
        assertEquals(0.6, point(a, Measure.POSITIVE_PREDICTIVE_VALUE), EXACT); // TP / (TP + FP) = 3 / 5
        assertEquals(0.8, point(a, Measure.NEGATIVE_PREDICTIVE_VALUE), EXACT); // TN / (TN + FN) = 4 / 5
    }

    @Test
    void aucCountsTiesAsHalf() {
        // Events 0.9, 0.8, 0.6, 0.4 against non-events 0.7, 0.3, 0.2, 0.1, 0.5, 0.4:
        // 0.9 beats 6, 0.8 beats 6, 0.6 beats 5 (not 0.7), 0.4 beats 3 and ties 0.4 (+0.5) = 20.5 of 4 x 6 = 24 pairs
        assertEquals(20.5 / 24, point(measuresOf(0.5, "a"), Measure.AUC), EXACT);
    }

    @Test
    void brierScoreIsTheMeanSquaredError() {
        // events: 0.1² + 0.2² + 0.6² + 0.4² = 0.01 + 0.04 + 0.36 + 0.16 = 0.57
        // non-events: 0.7² + 0.3² + 0.2² + 0.1² + 0.5² + 0.4² = 0.49 + 0.09 + 0.04 + 0.01 + 0.25 + 0.16 = 1.04
        assertEquals((0.57 + 1.04) / 10, point(measuresOf(0.5, "a"), Measure.BRIER_SCORE), EXACT);
    }

    @Test
    void calibrationIsObservedOverExpectedEvents() {
        // O = 4 events; E = sum of scores = 0.9 + 0.8 + 0.4 + 0.6 + 0.7 + 0.3 + 0.2 + 0.1 + 0.5 + 0.4 = 4.9
        assertEquals(4 / 4.9, point(measuresOf(0.5, "a"), Measure.OBSERVED_EXPECTED_RATIO), EXACT);
    }

    @Test
    void netBenefitWeighsFalsePositivesByTheThresholdOdds() {
        // t = 0.5: TP/n - FP/n * 0.5/0.5 = 3/10 - 2/10 = 0.1
        assertEquals(0.1, point(measuresOf(0.5, "a"), Measure.NET_BENEFIT), EXACT);
        // t = 0.25: positives are scores >= 0.25: TP = 4 (0.9, 0.8, 0.6, 0.4), FP = 4 (0.7, 0.3, 0.5, 0.4)
        // 4/10 - 4/10 * 0.25/0.75 = 0.4 - 0.4/3
        assertEquals(0.4 - 0.4 / 3, point(measuresOf(0.25, "a"), Measure.NET_BENEFIT), EXACT);
    }

    @Test
    void measuresWithoutEventsAreUndefinedWithAReason() {
        Map<Measure, Value> b = measuresOf(0.5, "b");
        for (Measure measure : new Measure[]{Measure.TRUE_POSITIVE_RATE, Measure.FALSE_NEGATIVE_RATE,
                Measure.AUC}) {
            assertFalse(b.get(measure).defined(), measure.name());
            assertEquals("no observed events (label 1) in the group", b.get(measure).undefinedReason());
        }
        assertEquals(0.0, point(b, Measure.BASE_RATE), EXACT);
        assertEquals(0.4, point(b, Measure.FALSE_POSITIVE_RATE), EXACT); // FP / N = 2 / 5
        assertEquals(0.0, point(b, Measure.POSITIVE_PREDICTIVE_VALUE), EXACT); // 0 / 2
        assertEquals(1.0, point(b, Measure.NEGATIVE_PREDICTIVE_VALUE), EXACT); // 3 / 3
        assertEquals(0.0, point(b, Measure.OBSERVED_EXPECTED_RATIO), EXACT); // 0 / 1.75
        // (0.04 + 0.36 + 0.01 + 0.09 + 0.3025) / 5
        assertEquals(0.8025 / 5, point(b, Measure.BRIER_SCORE), EXACT);
        assertEquals(-0.4, point(b, Measure.NET_BENEFIT), EXACT); // 0/5 - 2/5
    }

    @Test
    void predictiveValuesWithoutPredictionsOfThatKindAreUndefined() {
        // threshold 0.95: nobody in "a" is predicted positive
        Map<Measure, Value> a = measuresOf(0.95, "a");
        assertFalse(a.get(Measure.POSITIVE_PREDICTIVE_VALUE).defined());
        assertEquals("no row in the group is predicted positive", a.get(Measure.POSITIVE_PREDICTIVE_VALUE)
                .undefinedReason());
        assertEquals(0.6, point(a, Measure.NEGATIVE_PREDICTIVE_VALUE), EXACT); // TN / all = 6 / 10
        // threshold 0.05: everybody is predicted positive
        Map<Measure, Value> all = measuresOf(0.05, "a");
        assertFalse(all.get(Measure.NEGATIVE_PREDICTIVE_VALUE).defined());
        assertTrue(all.get(Measure.NEGATIVE_PREDICTIVE_VALUE).undefinedReason().contains("predicted negative"));
    }

    @Test
    void withoutBootstrapTheValuesSayWhyThereIsNoInterval() {
        Value tpr = measuresOf(0.5, "a").get(Measure.TRUE_POSITIVE_RATE);
        assertFalse(tpr.hasInterval());
        assertEquals("no bootstrap replicates were requested", tpr.noIntervalReason());
    }
}
