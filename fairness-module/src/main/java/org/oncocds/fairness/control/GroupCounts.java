package org.oncocds.fairness.control;

/**
 * The sufficient statistics of one group: counts of the confusion matrix, the sum of scores (expected events), the
 * sum of squared errors and the Mann-Whitney concordance (pairs of an event and a non-event ordered correctly, ties
 * counting one half).
 */
record GroupCounts(long n, long positives, long truePositives, long falsePositives, double scoreSum,
        double squaredErrorSum, double concordantPairs) {

    long negatives() {
        return n - positives;
    }

    long falseNegatives() {
        return positives - truePositives;
    }

    long trueNegatives() {
        return negatives() - falsePositives;
    }

    long predictedPositives() {
        return truePositives + falsePositives;
    }

    long predictedNegatives() {
        return n - predictedPositives();
    }
}
