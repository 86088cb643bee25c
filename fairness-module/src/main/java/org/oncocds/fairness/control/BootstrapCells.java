package org.oncocds.fairness.control;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One group's rows as counts per (score bin, label, decision) cell, in bin order. Resampling the group's n rows with
 * replacement is a multinomial draw over these cells, which costs time in the number of cells (at most about 20,000),
 * not in the number of rows. A resampled row carries its bin's centre as its score.
 */
final class BootstrapCells {

    private final int[] bins;
    private final int[] labels;
    private final boolean[] positiveDecisions;
    private final int[] counts;
    private final long n;
    private final long[] drawn;

    private BootstrapCells(int[] bins, int[] labels, boolean[] positiveDecisions, int[] counts) {
        this.bins = bins;
        this.labels = labels;
        this.positiveDecisions = positiveDecisions;
        this.counts = counts;
        this.n = Arrays.stream(counts).asLongStream().sum();
        this.drawn = new long[counts.length];
    }

    int size() {
        return counts.length;
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
        int cell = 0;
        while (cell < counts.length) {
            int bin = bins[cell];
            double score = ScoreBins.centre(bin);
            long positivesHere = 0;
            long negativesHere = 0;
            for (; cell < counts.length && bins[cell] == bin; cell++) {
                long k = weights[cell];
                int label = labels[cell];
                size += k;
                if (label == 1) {
                    positivesHere += k;
                } else {
                    negativesHere += k;
                }
                if (positiveDecisions[cell]) {
                    truePositives += label * k;
                    falsePositives += (1 - label) * k;
                }
                scoreSum += k * score;
                squaredErrorSum += k * (score - label) * (score - label);
            }
            positives += positivesHere;
            concordant += positivesHere * (negativesBelow + 0.5 * negativesHere);
            negativesBelow += negativesHere;
        }
        return new GroupCounts(size, positives, truePositives, falsePositives, scoreSum, squaredErrorSum, concordant);
    }

    long[] originalCounts() {
        return Arrays.stream(counts).asLongStream().toArray();
    }

    static final class Builder {
        private int size;
        private int[] bins = new int[64];
        private int[] labels = new int[64];
        private boolean[] decisions = new boolean[64];
        private int[] counts = new int[64];

        void add(int bin, int label, boolean positiveDecision, int count) {
            if (count == 0) {
                return;
            }
            if (size == counts.length) {
                bins = Arrays.copyOf(bins, size * 2);
                labels = Arrays.copyOf(labels, size * 2);
                decisions = Arrays.copyOf(decisions, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            bins[size] = bin;
            labels[size] = label;
            decisions[size] = positiveDecision;
            counts[size] = count;
            size++;
        }

        BootstrapCells build(long truePositives, long falsePositives) {
            BootstrapCells cells = new BootstrapCells(Arrays.copyOf(bins, size), Arrays.copyOf(labels, size),
                    Arrays.copyOf(decisions, size), Arrays.copyOf(counts, size));
            GroupCounts check = cells.countsOf(cells.originalCounts());
            if (check.truePositives() != truePositives || check.falsePositives() != falsePositives) {
                throw new IllegalStateException("score bins disagree with the threshold decisions");
            }
            return cells;
        }
    }
}
