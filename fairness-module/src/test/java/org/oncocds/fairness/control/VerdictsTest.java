package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final Gap DIFFERENCE = Gap.DEMOGRAPHIC_PARITY_DIFFERENCE;
    private static final Gap RATIO = Gap.DEMOGRAPHIC_PARITY_RATIO;

    private static Value interval(double point, double lower, double upper) {
        return new Value(point, null, lower, upper, 1000, null);
    }

    private static Assessment judge(Gap gap, Value value, double tolerance) {
        return Verdicts.judge(gap, "g", value, tolerance).assessment();
    }

    @Test
    void failsOnlyWhenTheWholeIntervalIsBeyondTheTolerance() {
        assertEquals(Assessment.FAIL, judge(DIFFERENCE, interval(0.20, 0.12, 0.28), 0.10));
        assertEquals(Assessment.FAIL, judge(DIFFERENCE, interval(-0.20, -0.28, -0.12), 0.10));
    }

    @Test
    void warnsWhenTheIntervalCrossesTheTolerance() {
        GapResult result = Verdicts.judge(DIFFERENCE, "g", interval(0.15, 0.05, 0.25), 0.10);
        assertEquals(Assessment.WARN, result.assessment());
        assertEquals("beyond the acceptable range -0.100 to 0.100, not confirmed: 95% CI 0.050 to 0.250", result
                .reason());
    }

    @Test
    void passesWhenThePointEstimateIsWithinEvenIfTheIntervalIsWide() {
        assertEquals(Assessment.PASS, judge(DIFFERENCE, interval(0.05, -0.20, 0.30), 0.10));
        assertEquals(Assessment.PASS, judge(DIFFERENCE, interval(0.10, 0.02, 0.18), 0.10)); // on the edge
    }

    @Test
    void warnsWhenThePointIsWithinButTheWholeIntervalIsNot() {
        // a percentile interval can exclude its point estimate when the bootstrap distribution is skewed
        assertEquals(Assessment.WARN, judge(DIFFERENCE, interval(0.09, 0.11, 0.20), 0.10));
    }

    @Test
    void theRatioFollowsTheFourFifthsRuleBothWays() {
        // acceptable ratios: 0.8 to 1 / 0.8 = 1.25
        assertEquals(Assessment.FAIL, judge(RATIO, interval(0.6, 0.5, 0.7), 0.8));
        assertEquals(Assessment.FAIL, judge(RATIO, interval(1.5, 1.3, 1.7), 0.8));
        assertEquals(Assessment.WARN, judge(RATIO, interval(0.75, 0.6, 0.9), 0.8));
        assertEquals(Assessment.PASS, judge(RATIO, interval(1.2, 0.9, 1.5), 0.8));
        assertEquals("beyond the acceptable range 0.800 to 1.250 (four-fifths rule at 0.800) and so is the whole 95% CI"
                + " 0.500 to 0.700", Verdicts.judge(RATIO, "g", interval(0.6, 0.5, 0.7), 0.8).reason());
    }

    @Test
    void undefinedValuesAreNotAssessed() {
        GapResult result = Verdicts.judge(DIFFERENCE, "g", Value.undefined("because"), 0.10);
        assertEquals(Assessment.NOT_ASSESSED, result.assessment());
        assertEquals("because", result.reason());
    }

    @Test
    void withoutAnIntervalABreachWarnsAndSaysWhy() {
        GapResult result = Verdicts.judge(DIFFERENCE, "g", Value.withoutInterval(0.5, "no replicates"), 0.10);
        assertEquals(Assessment.WARN, result.assessment());
        assertTrue(result.reason().endsWith("no confidence interval (no replicates)"), result.reason());
    }
}
