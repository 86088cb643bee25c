package org.oncocds.fairness.control;

/**
 * Scores are binned at a resolution of 1/10,000 (bin = score rounded to four decimals) for the AUC: memory per group
 * is fixed whatever the number of rows, and scores given with at most four decimals are binned without loss. The
 * bootstrap resamples coarser cells of {@link #PER_CELL} bins, so that a replicate costs about 2,000 binomial draws
 * per group instead of 20,000.
 */
final class ScoreBins {

    static final int PER_UNIT = 10_000;
    static final int COUNT = PER_UNIT + 1;
    static final int PER_CELL = 10;
    static final int CELLS = (COUNT + PER_CELL - 1) / PER_CELL;

    private ScoreBins() {
    }

    static int of(double score) {
        return (int) Math.round(score * PER_UNIT);
    }

    static double centre(int bin) {
        return (double) bin / PER_UNIT;
    }
}
