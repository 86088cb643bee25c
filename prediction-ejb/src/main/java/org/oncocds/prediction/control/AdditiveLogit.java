package org.oncocds.prediction.control;

import java.util.Optional;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * A trained classifier's probability of the positive class as a sum of one term per attribute on the log-odds scale,
 * for classifiers whose log-odds are exactly such a sum: logistic regression (a weight per number, a weight per
 * category), and naive Bayes over categories. Scoring a row is then a dozen additions instead of Weka's per-call
 * filtering (four instance copies through missing-value replacement, useless-attribute removal and nominal-to-binary
 * for a filtered logistic model), which made the 300 bootstrap scorings of one treatment comparison the largest single
 * cost of a recommendation.
 * <p>
 * Nothing is assumed about the classifier: the terms are read off the classifier itself (Weka scores a reference row
 * and rows that change one attribute at a time), and the sum is then checked against Weka on {@value #CHECKED_ROWS}
 * seeded random rows. Only if every one agrees within {@value #TOLERANCE} is it used; a forest, a tree or naive Bayes
 * over numbers fails the check and keeps scoring through Weka.
 */
final class AdditiveLogit {

    /** The largest difference from Weka's probability accepted on a checked row. */
    static final double TOLERANCE = 1e-9;
    static final int CHECKED_ROWS = 64;
    private static final long SEED = 20_261_207L;

    private final int classIndex;
    private final double[] reference;
    private final double referenceLogit;
    /** Change of the log-odds per unit of a numeric attribute; unused for nominal ones. */
    private final double[] slope;
    /** Change of the log-odds per category of a nominal attribute against its reference category; null for numbers. */
    private final double[][] categoryShift;

    private AdditiveLogit(int classIndex, double[] reference, double referenceLogit, double[] slope,
            double[][] categoryShift) {
        this.classIndex = classIndex;
        this.reference = reference;
        this.referenceLogit = referenceLogit;
        this.slope = slope;
        this.categoryShift = categoryShift;
    }

    /**
     * The classifier's log-odds as a sum of per-attribute terms, if it is one.
     *
     * @param header
     *            the training header (class attribute set)
     * @param reference
     *            a complete row of attribute values (e.g. the training means and modes; the class slot is ignored)
     * @param weka
     *            the classifier's probability of the positive class for a row (Weka itself)
     * @return empty when a probability is 0 or 1, or a checked row differs from Weka by more than {@value #TOLERANCE}
     */
    static Optional<AdditiveLogit> of(Instances header, double[] reference, ToDoubleFunction<double[]> weka) {
        int classIndex = header.classIndex();
        int width = header.numAttributes();
        double[] base = reference.clone();
        for (int a = 0; a < width; a++) {
            if (a != classIndex && Double.isNaN(base[a])) {
                return Optional.empty();
            }
        }
        double baseLogit = logit(weka.applyAsDouble(base));
        double[] slope = new double[width];
        double[][] shift = new double[width][];
        for (int a = 0; a < width; a++) {
            if (a == classIndex) {
                continue;
            }
            Attribute attribute = header.attribute(a);
            if (attribute.isNominal()) {
                shift[a] = new double[attribute.numValues()];
                for (int category = 0; category < attribute.numValues(); category++) {
                    shift[a][category] = logit(weka.applyAsDouble(with(base, a, category))) - baseLogit;
                }
            } else if (attribute.isNumeric()) {
                slope[a] = logit(weka.applyAsDouble(with(base, a, base[a] + 1))) - baseLogit;
            } else {
                return Optional.empty();
            }
        }
        if (!Double.isFinite(baseLogit) || !allFinite(slope) || !allFinite(shift)) {
            return Optional.empty();
        }
        AdditiveLogit additive = new AdditiveLogit(classIndex, base, baseLogit, slope, shift);
        Random random = new Random(SEED);
        for (int row = 0; row < CHECKED_ROWS; row++) {
            double[] checked = additive.randomRow(header, random);
            if (!(Math.abs(additive.positiveProbability(checked) - weka.applyAsDouble(checked)) <= TOLERANCE)) {
                return Optional.empty();
            }
        }
        return Optional.of(additive);
    }

    /**
     * The probability of the positive class for a complete row (the class slot is ignored).
     *
     * @return NaN when the row has a missing value: the caller scores it through Weka
     */
    double positiveProbability(double[] row) {
        double logit = logitWithout(row, classIndex);
        return Double.isNaN(logit) ? Double.NaN : probability(logit);
    }

    /**
     * The probability of the positive class for a complete row under each category of the nominal attribute
     * {@code slot} (e.g. each treatment option), in category order; {@code row} is only read.
     *
     * @return null when the row has a missing value: the caller scores it through Weka
     */
    double[] positiveProbabilitiesBySlotValue(double[] row, int slot, int values) {
        double logit = logitWithout(row, slot);
        if (Double.isNaN(logit)) {
            return null;
        }
        double[] probabilities = new double[values];
        for (int value = 0; value < values; value++) {
            probabilities[value] = probability(logit + categoryShift[slot][value]);
        }
        return probabilities;
    }

    /** The log-odds of the row, leaving out the class and {@code skipped}; NaN when a value is missing. */
    private double logitWithout(double[] row, int skipped) {
        double logit = referenceLogit;
        for (int a = 0; a < reference.length; a++) {
            if (a == classIndex || a == skipped) {
                continue;
            }
            double value = row[a];
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            logit += categoryShift[a] != null ? categoryShift[a][(int) value] : slope[a] * (value - reference[a]);
        }
        return logit;
    }

    private static double probability(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** Categories drawn uniformly, numbers within three units (or three times their size) of the reference. */
    private double[] randomRow(Instances header, Random random) {
        double[] row = reference.clone();
        for (int a = 0; a < row.length; a++) {
            if (a == classIndex) {
                continue;
            }
            if (categoryShift[a] != null) {
                row[a] = random.nextInt(categoryShift[a].length);
            } else {
                row[a] = reference[a] + (random.nextDouble() * 6 - 3) * Math.max(1, Math.abs(reference[a]));
            }
        }
        return row;
    }

    private static double logit(double probability) {
        return Math.log(probability / (1 - probability));
    }

    private static double[] with(double[] row, int slot, double value) {
        double[] changed = row.clone();
        changed[slot] = value;
        return changed;
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[][] values) {
        for (double[] row : values) {
            if (row != null && !allFinite(row)) {
                return false;
            }
        }
        return true;
    }
}
