package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-pass engine against a naive, row-by-row computation of every measure on random tables. */
class NaiveOracleTest {

    private static final double EXACT = 1e-9;

    private static double[][] randomRows(long seed, int n, boolean fourDecimals) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double score = random.nextDouble();
            if (fourDecimals) {
                score = Math.round(score * 10_000) / 10_000.0;
            }
            rows[i] = new double[]{random.nextDouble() < score ? 1 : 0, score};
        }
        return rows;
    }

    private static Map<Measure, Value> engine(double[][] rows, double threshold) {
        SubgroupAnalysis analysis = new SubgroupAnalysis(Plans.with(Plans.pointsOnly("g"), threshold, 1, 0, 1));
        Plans.addRows(analysis, "g", "all", rows);
        return Plans.group(Plans.grouping(analysis.finish(), "g"), "all").measures();
    }

    /** Mann-Whitney over every (event, non-event) pair. */
    private static double naiveAuc(double[][] rows) {
        double concordant = 0;
        long pairs = 0;
        for (double[] event : rows) {
            for (double[] other : rows) {
                if (event[0] == 1 && other[0] == 0) {
                    pairs++;
                    concordant += event[1] > other[1] ? 1 : event[1] == other[1] ? 0.5 : 0;
                }
            }
        }
        return concordant / pairs;
    }

    @Test
    void everyMeasureMatchesTheNaiveComputation() {
        double threshold = 0.3;
        double[][] rows = randomRows(17, 700, false);
        double n = rows.length;
        double p = 0, tp = 0, fp = 0, tn = 0, fn = 0, expected = 0, squared = 0;
        for (double[] row : rows) {
            boolean positive = row[1] >= threshold;
            p += row[0];
            tp += positive && row[0] == 1 ? 1 : 0;
            fp += positive && row[0] == 0 ? 1 : 0;
            tn += !positive && row[0] == 0 ? 1 : 0;
            fn += !positive && row[0] == 1 ? 1 : 0;
            expected += row[1];
            squared += (row[1] - row[0]) * (row[1] - row[0]);
        }
        Map<Measure, Value> measures = engine(rows, threshold);
        assertEquals(p / n, measures.get(Measure.BASE_RATE).point(), EXACT);
        assertEquals((tp + fp) / n, measures.get(Measure.SELECTION_RATE).point(), EXACT);
        assertEquals(tp / p, measures.get(Measure.TRUE_POSITIVE_RATE).point(), EXACT);
        assertEquals(fp / (n - p), measures.get(Measure.FALSE_POSITIVE_RATE).point(), EXACT);
        assertEquals(fn / p, measures.get(Measure.FALSE_NEGATIVE_RATE).point(), EXACT);
        assertEquals(tp / (tp + fp), measures.get(Measure.POSITIVE_PREDICTIVE_VALUE).point(), EXACT);
        assertEquals(tn / (tn + fn), measures.get(Measure.NEGATIVE_PREDICTIVE_VALUE).point(), EXACT);
        assertEquals(squared / n, measures.get(Measure.BRIER_SCORE).point(), EXACT);
        assertEquals(p / expected, measures.get(Measure.OBSERVED_EXPECTED_RATIO).point(), EXACT);
        assertEquals(tp / n - fp / n * threshold / (1 - threshold), measures.get(Measure.NET_BENEFIT).point(),
                EXACT);
    }

    @Test
    void aucIsExactForScoresWithFourDecimals() {
        // 2,000 rows over 10,001 possible scores: many exact ties, all counted as one half
        double[][] rows = randomRows(5, 2000, true);
        assertEquals(naiveAuc(rows), engine(rows, 0.5).get(Measure.AUC).point(), EXACT);
    }

    @Test
    void aucOfContinuousScoresIsWithinTheBinningBound() {
        double[][] rows = randomRows(9, 2000, false);
        // error <= half the share of (event, non-event) pairs closer than one bin (0.0001)
        double close = 0;
        double pairs = 0;
        for (double[] event : rows) {
            for (double[] other : rows) {
                if (event[0] == 1 && other[0] == 0) {
                    pairs++;
                    close += ScoreBins.of(event[1]) == ScoreBins.of(other[1]) ? 1 : 0;
                }
            }
        }
        double bound = 0.5 * close / pairs;
        assertEquals(naiveAuc(rows), engine(rows, 0.5).get(Measure.AUC).point(), bound + EXACT);
    }
}
