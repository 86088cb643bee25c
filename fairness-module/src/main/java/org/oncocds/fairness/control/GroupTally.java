package org.oncocds.fairness.control;

/**
 * Accumulates one group's rows: exact confusion counts and sums, plus a score histogram per label for the AUC and
 * the bootstrap. Memory is fixed (two histograms of {@link ScoreBins#COUNT} counts) whatever the number of rows.
 */
final class GroupTally {

    private final int thresholdBin;
    private final int[] histogram = new int[2 * ScoreBins.COUNT];
    private final int[] positiveDecisionsInThresholdBin = new int[2];
    private long n;
    private long positives;
    private long truePositives;
    private long falsePositives;
    private double scoreSum;
    private double squaredErrorSum;

    GroupTally(double threshold) {
        this.thresholdBin = ScoreBins.of(threshold);
    }

    void add(int label, double score, boolean positiveDecision, int bin) {
        n++;
        positives += label;
        if (positiveDecision) {
            truePositives += label;
            falsePositives += 1 - label;
        }
        double error = score - label;
        scoreSum += score;
        squaredErrorSum += error * error;
        histogram[label * ScoreBins.COUNT + bin]++;
        if (bin == thresholdBin && positiveDecision) {
            positiveDecisionsInThresholdBin[label]++;
        }
    }

    long n() {
        return n;
    }

    GroupCounts counts() {
        double concordant = 0;
        long negativesBelow = 0;
        for (int bin = 0; bin < ScoreBins.COUNT; bin++) {
            long negativesHere = histogram[bin];
            concordant += histogram[ScoreBins.COUNT + bin] * (negativesBelow + 0.5 * negativesHere);
            negativesBelow += negativesHere;
        }
        return new GroupCounts(n, positives, truePositives, falsePositives, scoreSum, squaredErrorSum, concordant);
    }

    /**
     * The non-empty (cell, label, decision) cells: cells of {@link ScoreBins#PER_CELL} bins, each bin's rows scored at
     * the bin's centre. Scores are compared with the threshold before binning, and binning is monotone, so only the
     * threshold's own bin can hold both decisions.
     */
    BootstrapCells cells() {
        BootstrapCells.Builder cells = new BootstrapCells.Builder();
        for (int bin = 0; bin < ScoreBins.COUNT; bin++) {
            for (int label = 0; label <= 1; label++) {
                int count = histogram[label * ScoreBins.COUNT + bin];
                if (bin == thresholdBin) {
                    int positive = positiveDecisionsInThresholdBin[label];
                    cells.add(bin, label, true, positive);
                    cells.add(bin, label, false, count - positive);
                } else {
                    cells.add(bin, label, bin > thresholdBin, count);
                }
            }
        }
        return cells.build(counts());
    }
}
