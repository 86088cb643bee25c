package org.oncocds.fairness.control;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One group's rows as counts per (score cell, label, decision), in score order, with each cell's mean score and mean
 * squared error. Resampling the group's n rows with replacement is a multinomial draw over these cells, which costs
 * time in the number of cells (at most about 2,000), not in the number of rows. Replicate AUCs are computed on the
 * cells and shifted by the difference between the group's AUC on the fine bins and on the cells, so the coarser
 * cells do not move the interval against the point estimate.
 */
final class BootstrapCells {

    private final int[] cells;
    private final int[] labels;
    private final boolean[] positiveDecisions;
    private final long[] counts;
    private final double[] meanScores;
    private final double[] meanSquaredErrors;
    private final long n;
    private final long[] drawn;
    private double aucCorrection;

    private BootstrapCells(int size, Builder builder) {
        this.cells = Arrays.copyOf(builder.cells, size);
        this.labels = Arrays.copyOf(builder.labels, size);
        this.positiveDecisions = Arrays.copyOf(builder.decisions, size);
        this.counts = Arrays.copyOf(builder.counts, size);
        this.meanScores = new double[size];
        this.meanSquaredErrors = new double[size];
        for (int i = 0; i < size; i++) {
            meanScores[i] = builder.scoreSums[i] / counts[i];
            meanSquaredErrors[i] = builder.squaredErrorSums[i] / counts[i];
        }
        this.n = Arrays.stream(counts).sum();
        this.drawn = new long[size];
    }

    int size() {
        return counts.length;
    }

    /** Added to every replicate's AUC: the fine-bin AUC minus the cell AUC of the original rows (0 if undefined). */
    double aucCorrection() {
        return aucCorrection;
    }

    /** Draws n rows with replacement and returns their statistics. Not thread-safe: reuses a scratch array. */
    GroupCounts resample(SplittableRandom random) {
        drawMultinomial(random);
        return countsOf(drawn);
    }

    /** Sequential conditional binomials: cell i gets Binomial(rows left, count_i / count of cells left). */
    private void drawMultinomial(SplittableRandom random) {
        long rowsLeft = n;
        long countLeft = n;
        for (int cell = 0; cell < counts.length; cell++) {
            long k = rowsLeft == 0
                    ? 0
                    : cell == counts.length - 1
                            ? rowsLeft
                            : BinomialSampler.draw(random, rowsLeft, (double) counts[cell] / countLeft);
            drawn[cell] = k;
            rowsLeft -= k;
            countLeft -= counts[cell];
        }
    }

    GroupCounts countsOf(long[] weights) {
        long size = 0;
        long positives = 0;
        long truePositives = 0;
        long falsePositives = 0;
        double scoreSum = 0;
        double squaredErrorSum = 0;
        double concordant = 0;
        long negativesBelow = 0;
        int i = 0;
        while (i < counts.length) {
            int cell = cells[i];
            long positivesHere = 0;
            long negativesHere = 0;
            for (; i < counts.length && cells[i] == cell; i++) {
                long k = weights[i];
                int label = labels[i];
                size += k;
                if (label == 1) {
                    positivesHere += k;
                } else {
                    negativesHere += k;
                }
                if (positiveDecisions[i]) {
                    truePositives += label * k;
                    falsePositives += (1 - label) * k;
                }
                scoreSum += k * meanScores[i];
                squaredErrorSum += k * meanSquaredErrors[i];
            }
            positives += positivesHere;
            concordant += positivesHere * (negativesBelow + 0.5 * negativesHere);
            negativesBelow += negativesHere;
        }
        return new GroupCounts(size, positives, truePositives, falsePositives, scoreSum, squaredErrorSum, concordant);
    }

    /** Collects bins in increasing bin order into cells of {@link ScoreBins#PER_CELL} bins. */
    static final class Builder {
        private int size;
        private int[] cells = new int[64];
        private int[] labels = new int[64];
        private boolean[] decisions = new boolean[64];
        private long[] counts = new long[64];
        private double[] scoreSums = new double[64];
        private double[] squaredErrorSums = new double[64];

        void add(int bin, int label, boolean positiveDecision, long count) {
            if (count == 0) {
                return;
            }
            int cell = bin / ScoreBins.PER_CELL;
            int slot = find(cell, label, positiveDecision);
            double score = ScoreBins.centre(bin);
            counts[slot] += count;
            scoreSums[slot] += count * score;
            squaredErrorSums[slot] += count * (score - label) * (score - label);
        }

        /** Cells arrive in order, so a cell's (label, decision) slots are among the last four. */
        private int find(int cell, int label, boolean positiveDecision) {
            for (int slot = size - 1; slot >= 0 && cells[slot] == cell; slot--) {
                if (labels[slot] == label && decisions[slot] == positiveDecision) {
                    return slot;
                }
            }
            if (size == counts.length) {
                grow();
            }
            cells[size] = cell;
            labels[size] = label;
            decisions[size] = positiveDecision;
            return size++;
        }

        private void grow() {
            int larger = size * 2;
            cells = Arrays.copyOf(cells, larger);
            labels = Arrays.copyOf(labels, larger);
            decisions = Arrays.copyOf(decisions, larger);
            counts = Arrays.copyOf(counts, larger);
            scoreSums = Arrays.copyOf(scoreSums, larger);
            squaredErrorSums = Arrays.copyOf(squaredErrorSums, larger);
        }

        /** The cells, checked against the group's exact decisions, with the AUC correction from its fine bins. */
        BootstrapCells build(GroupCounts fine) {
            BootstrapCells built = new BootstrapCells(size, this);
            GroupCounts coarse = built.countsOf(built.counts);
            if (coarse.truePositives() != fine.truePositives() || coarse.falsePositives() != fine.falsePositives()) {
                throw new IllegalStateException("score cells disagree with the threshold decisions");
            }
            double pairs = (double) fine.positives() * fine.negatives();
            built.aucCorrection = pairs == 0 ? 0 : (fine.concordantPairs() - coarse.concordantPairs()) / pairs;
            return built;
        }
    }
}
