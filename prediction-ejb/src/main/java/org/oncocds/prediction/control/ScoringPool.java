package org.oncocds.prediction.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Scores cases with a trained Weka classifier from many threads at once.
 * <p>
 * Weka's {@link weka.classifiers.meta.FilteredClassifier} pushes every instance through its own filter object, so one
 * classifier must not be used by two threads at once. Each call borrows a deep copy from a lock-free pool instead of
 * queueing behind one lock; the pool grows to the highest number of concurrent calls (a copy is a few kilobytes). A
 * pool rather than a {@code ThreadLocal}: the application server's threads outlive a redeployment, and copies left in
 * them would keep the old application's classes in memory. The pool is striped by thread id, so that threads scoring
 * at the same moment do not all contend for the head of one queue (a borrow and a return per call, a microsecond
 * apart); a thread whose stripe is empty takes an idle copy from another stripe before it makes a new one.
 */
final class ScoringPool {

    private final Classifier trained;
    private final Instances header;
    /** A power of two, above the cores a server is likely to have. */
    private static final int STRIPES = 16;

    private final List<Queue<Classifier>> stripes = java.util.stream.Stream.generate(
            () -> (Queue<Classifier>) new ConcurrentLinkedQueue<Classifier>()).limit(STRIPES).toList();

    ScoringPool(Classifier trained, Instances header) {
        this.trained = trained;
        this.header = header;
    }

    /** The probability of the positive class for each case, in order, all scored by one borrowed copy. */
    List<Double> positiveProbabilities(List<CaseValues> cases) {
        Queue<Classifier> stripe = stripe();
        Classifier classifier = borrow(stripe);
        List<Double> probabilities = cases.stream().map(values -> positiveProbability(classifier, values)).toList();
        // Returned only after success: a copy that failed half-way may hold a half-filtered instance.
        stripe.offer(classifier);
        return probabilities;
    }

    /**
     * The probability of the positive class for one case under each value of one nominal attribute (e.g. each treatment
     * option), all scored by one borrowed copy: the instances share {@code row} and differ only in {@code slot}.
     */
    double[] positiveProbabilitiesBySlotValue(double[] row, int slot, int values) {
        Queue<Classifier> stripe = stripe();
        Classifier classifier = borrow(stripe);
        int positive = header.classAttribute().indexOfValue(WekaDataset.POSITIVE);
        double[] probabilities = new double[values];
        try {
            for (int value = 0; value < values; value++) {
                probabilities[value] = classifier.distributionForInstance(WekaDataset.withValue(header, row, slot,
                        value))[positive];
            }
        } catch (Exception e) {
            throw new IllegalStateException("the model could not score a case", e);
        }
        stripe.offer(classifier);
        return probabilities;
    }

    /** The trained classifier the copies are made from; never scored with directly. */
    Classifier trained() {
        return trained;
    }

    /** The training header the classifier scores instances of. */
    Instances header() {
        return header;
    }

    int idleCopies() {
        return stripes.stream().mapToInt(Queue::size).sum();
    }

    private Queue<Classifier> stripe() {
        return stripes.get((int) (Thread.currentThread().getId() & (STRIPES - 1)));
    }

    /**
     * An idle copy from the caller's stripe, else from any other stripe, else a new one: the copies never outnumber
     * the most calls that were ever in flight at once (a forest's copy is megabytes).
     */
    private Classifier borrow(Queue<Classifier> stripe) {
        Classifier idle = stripe.poll();
        for (int i = 0; idle == null && i < STRIPES; i++) {
            idle = stripes.get(i).poll();
        }
        return idle != null ? idle : copyOf(trained);
    }

    private double positiveProbability(Classifier classifier, CaseValues values) {
        try {
            double[] distribution = classifier.distributionForInstance(WekaDataset.instance(header, values));
            return distribution[header.classAttribute().indexOfValue(WekaDataset.POSITIVE)];
        } catch (Exception e) {
            throw new IllegalStateException("the model could not score a case", e);
        }
    }

    private static Classifier copyOf(Classifier trained) {
        try {
            return AbstractClassifier.makeCopy(trained);
        } catch (Exception e) {
            throw new IllegalStateException("the model cannot be copied for scoring", e);
        }
    }

    static Map<String, Double> byKey(List<String> keys, List<Double> values) {
        Map<String, Double> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), values.get(i));
        }
        return byKey;
    }
}
