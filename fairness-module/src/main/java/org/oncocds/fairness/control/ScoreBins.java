package org.oncocds.fairness.control;

/**
 * Scores are binned at a resolution of 1/10,000 (bin = score rounded to four decimals) for the AUC and the
 * bootstrap: memory per group is fixed whatever the number of rows, and scores given with at most four decimals are
 * binned without loss.
 */
final class ScoreBins {

    static final int PER_UNIT = 10_000;
    static final int COUNT = PER_UNIT + 1;

    private ScoreBins() {
    }

    static int of(double score) {
        return (int) Math.round(score * PER_UNIT);
    }

    static double centre(int bin) {
        return (double) bin / PER_UNIT;
    }
}
