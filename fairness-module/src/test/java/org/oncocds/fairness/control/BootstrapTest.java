package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Two groups of 500: "p" with base rate 0.3 (150 events), "q" with base rate 0.5; scores vary with the row. */
    private static AnalysisResult twoGroups(long seed, int replicates) {
        SubgroupAnalysis analysis = new SubgroupAnalysis(Plans.with(Plans.pointsOnly("g"), 0.5, 30, replicates,
                seed));
        for (int i = 0; i < 500; i++) {
            double score = (i % 100) / 100.0;
            analysis.add(i < 150 ? 1 : 0, score, Map.of("g", "p"));
            analysis.add(i < 250 ? 1 : 0, 1 - score, Map.of("g", "q"));
        }
        return analysis.finish();
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        assertEquals(twoGroups(7, 200), twoGroups(7, 200));
    }

    @Test
    void anotherSeedGivesOtherIntervals() {
        Value first = Plans.group(Plans.grouping(twoGroups(7, 200), "g"), "p").measures().get(Measure.BASE_RATE);
        Value second = Plans.group(Plans.grouping(twoGroups(8, 200), "g"), "p").measures().get(Measure.BASE_RATE);
        assertEquals(first.point(), second.point());
        assertNotEquals(first.lower() + "," + first.upper(), second.lower() + "," + second.upper());
    }

    @Test
    void theBaseRateIntervalHasTheBinomialWidth() {
        // 0.3 ± 1.96 * sqrt(0.3 * 0.7 / 500) = 0.3 ± 0.040; with 2000 replicates the percentiles land near it
        Value rate = Plans.group(Plans.grouping(twoGroups(11, 2000), "g"), "p").measures().get(Measure.BASE_RATE);
        assertEquals(0.3, rate.point(), 1e-12);
        assertEquals(0.260, rate.lower(), 0.008);
        assertEquals(0.340, rate.upper(), 0.008);
        assertEquals(2000, rate.definedReplicates());
    }

    @Test
    void theAucIntervalSurroundsThePointThoughReplicatesUseCoarserCells() {
        // p: scores 0.00..0.99, events are rows 0..149 -- the AUC is far from 0 and 1 and its interval straddles it
        Value auc = Plans.group(Plans.grouping(twoGroups(11, 500), "g"), "p").measures().get(Measure.AUC);
        assertTrue(auc.lower() < auc.point() && auc.point() < auc.upper(), auc.toString());
        assertTrue(auc.upper() - auc.lower() < 0.2, auc.toString());
    }

    @Test
    void aGroupThatCannotVaryHasAPointInterval() {
        // 40 events, all scored 0.9: every resample has TPR 1, base rate 1 and Brier (0.9 - 1)² = 0.01
        SubgroupAnalysis analysis = new SubgroupAnalysis(Plans.with(Plans.pointsOnly("g"), 0.5, 30, 100, 3));
        Plans.addRows(analysis, "g", "e", repeat(new double[]{1, 0.9}, 40));
        Map<Measure, Value> e = Plans.group(Plans.grouping(analysis.finish(), "g"), "e").measures();
        for (Measure measure : new Measure[]{Measure.TRUE_POSITIVE_RATE, Measure.BASE_RATE}) {
            assertEquals(1.0, e.get(measure).lower());
            assertEquals(1.0, e.get(measure).upper());
        }
        assertEquals(0.01, e.get(Measure.BRIER_SCORE).lower(), 1e-12);
        assertEquals(0.01, e.get(Measure.BRIER_SCORE).upper(), 1e-12);
        assertFalse(e.get(Measure.FALSE_POSITIVE_RATE).defined());
    }

    @Test
    void disparitiesGetIntervalsAndCiAwareVerdicts() {
        GroupingResult grouping = Plans.grouping(twoGroups(5, 500), "g");
        // reference: p and q tie at 500 rows, the first in label order ("p") is taken
        assertEquals("p", grouping.referenceGroup());
        // selection rates: p has scores 0.50..0.99 on 250 rows; q has 1 - s >= 0.5 for s = 0.00..0.50, 255 rows
        GapResult difference = Plans.gap(grouping, Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, "q");
        assertEquals(0.51 - 0.5, difference.value().point(), 1e-12);
        assertTrue(difference.value().lower() < 0.01 && difference.value().upper() > 0.01);
        assertEquals(Assessment.PASS, difference.assessment());
        // TPR in p: events are rows 0..149 scored 0.00..0.99 then 0.00..0.49; 50 of them score >= 0.5: 50/150.
        // TPR in q: events are rows 0..249 scored 1 - s; s <= 0.50 for rows 0..50, 100..150, 200..249: 152/250.
        // The gap 0.608 - 0.333 has a standard error near 0.05, so its whole interval lies beyond 0.10: FAIL.
        GapResult opportunity = Plans.gap(grouping, Gap.EQUAL_OPPORTUNITY_DIFFERENCE, "q");
        assertEquals(152.0 / 250 - 50.0 / 150, opportunity.value().point(), 1e-12);
        assertTrue(opportunity.value().lower() > 0.1, opportunity.reason());
        assertEquals(Assessment.FAIL, opportunity.assessment());
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1.1, Intervals.quantile(sorted, 0.025), 1e-12); // h = 4 * 0.025 = 0.1
        assertEquals(4.9, Intervals.quantile(sorted, 0.975), 1e-12); // h = 3.9
    }

    @Test
    void noIntervalWhenMostReplicatesLeaveTheValueUndefined() {
        double nan = Double.NaN;
        Value value = Intervals.of(0.5, null, new double[]{0.4, nan, nan, 0.6, nan});
        assertFalse(value.hasInterval());
        assertEquals("defined in only 2 of 5 bootstrap replicates", value.noIntervalReason());
        Value enough = Intervals.of(0.5, null, new double[]{0.4, nan, 0.5, 0.6});
        assertEquals(3, enough.definedReplicates());
        assertEquals(0.405, enough.lower(), 1e-12); // sorted 0.4, 0.5, 0.6: h = 2 * 0.025 = 0.05: 0.4 + 0.05 * 0.1
    }

    @Test
    void binomialDrawsHaveTheRightMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(42);
        double[][] cases = {{20, 0.3}, {1_000, 0.002}, {200, 0.5}, {1_000_000, 0.3}, {50_000, 0.98}};
        for (double[] c : cases) {
            long n = (long) c[0];
            double p = c[1];
            double sum = 0;
            double squares = 0;
            int draws = 4000;
            for (int i = 0; i < draws; i++) {
                long k = BinomialSampler.draw(random, n, p);
                assertTrue(k >= 0 && k <= n);
                sum += k;
                squares += (double) k * k;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            double expectedVariance = n * p * (1 - p);
            // the sample mean is within 5 standard errors; the variance within 15 %
            assertEquals(n * p, mean, 5 * Math.sqrt(expectedVariance / draws), "mean for n=" + n + " p=" + p);
            assertEquals(expectedVariance, variance, 0.15 * expectedVariance, "variance for n=" + n + " p=" + p);
        }
    }

    @Test
    void binomialDrawsFollowTheBinomialDistribution() {
        // chi-square goodness of fit against the exact probabilities, on both the inversion (mean 4) and the
        // rejection (means 20 and 30) paths; the bound is the 0.999 quantile for the degrees of freedom
        SplittableRandom random = new SplittableRandom(2024);
        double[][] cases = {{40, 0.1}, {100, 0.2}, {1000, 0.03}};
        for (double[] c : cases) {
            int n = (int) c[0];
            double p = c[1];
            int draws = 100_000;
            long[] seen = new long[n + 1];
            for (int i = 0; i < draws; i++) {
                seen[(int) BinomialSampler.draw(random, n, p)]++;
            }
            double probability = Math.pow(1 - p, n);
            double chiSquare = 0;
            int cells = 0;
            for (int k = 0; k <= n; k++) {
                double expected = draws * probability;
                if (expected >= 5) {
                    chiSquare += (seen[k] - expected) * (seen[k] - expected) / expected;
                    cells++;
                }
                probability *= (double) (n - k) / (k + 1) * p / (1 - p);
            }
            int degrees = cells - 1;
            // Wilson-Hilferty approximation of the 0.999 chi-square quantile (z = 3.09)
            double bound = degrees * Math.pow(1 - 2.0 / (9 * degrees) + 3.09 * Math.sqrt(2.0 / (9 * degrees)), 3);
            assertTrue(chiSquare < bound, "n=" + n + " p=" + p + ": chi-square " + chiSquare + " >= " + bound);
        }
    }

    @Test
    void aResampleKeepsTheGroupSize() {
        GroupTally tally = new GroupTally(0.5);
        for (int i = 0; i < 1234; i++) {
            double score = (i % 97) / 96.0;
            tally.add(i % 3 == 0 ? 1 : 0, score, score >= 0.5, ScoreBins.of(score));
        }
        BootstrapCells cells = tally.cells();
        SplittableRandom random = new SplittableRandom(1);
        for (int r = 0; r < 50; r++) {
            assertEquals(1234, cells.resample(random).n());
        }
    }

    private static double[][] repeat(double[] row, int times) {
        double[][] rows = new double[times][];
        for (int i = 0; i < times; i++) {
            rows[i] = row;
        }
        return rows;
    }
}
