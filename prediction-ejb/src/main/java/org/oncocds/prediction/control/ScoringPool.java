package org.oncocds.prediction.control;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Scores cases with a trained Weka classifier from many threads at once.
 * <p>
 * Weka's {@link weka.classifiers.meta.FilteredClassifier} pushes every instance through its own filter object, so one
 * classifier must not be used by two threads at once. Each call borrows a deep copy from a lock-free pool instead of
 * queueing behind one lock; the pool grows to the highest number of concurrent calls (a copy is a few kilobytes). A
 * pool rather than a {@code ThreadLocal}: the application server's threads outlive a redeployment, and copies left in
 * them would keep the old application's classes in memory. The pool is one slot per stripe of thread ids, so a thread
 * takes and returns its copy with one atomic exchange each on a slot other threads rarely touch (a borrow and a return
 * per call, a microsecond apart; no allocation); a thread whose slot is empty takes an idle copy from the spare queue
 * or another slot before it makes a new one, and a copy returned to a slot that is taken goes to the spare queue.
 */
final class ScoringPool {

    /** A power of two, above the cores a server is likely to have. */
    private static final int STRIPES = 16;
    /**
     * Slots this many references apart (128 bytes with compressed references): two threads exchanging copies in
     * neighbouring slots would otherwise write to one cache line a microsecond apart each, and each would wait for the
     * line to come back from the other core (false sharing).
     */
    private static final int SLOT_SPACING = 32;

    private final Classifier trained;
    private final Instances header;
    /** The index of the positive class, looked up once (Weka's lookup is a synchronized table). */
    private final int positive;
    private final AtomicReferenceArray<Classifier> slots = new AtomicReferenceArray<>(STRIPES * SLOT_SPACING);
    private final Queue<Classifier> spare = new ConcurrentLinkedQueue<>();

    ScoringPool(Classifier trained, Instances header) {
        this.trained = trained;
        this.header = header;
        this.positive = header.classAttribute().indexOfValue(WekaDataset.POSITIVE);
    }

    /** The probability of the positive class for each case, in order, all scored by one borrowed copy. */
    List<Double> positiveProbabilities(List<CaseValues> cases) {
        int stripe = stripe();
        Classifier classifier = borrow(stripe);
        List<Double> probabilities = cases.stream().map(values -> positiveProbability(classifier, values)).toList();
        // Returned only after success: a copy that failed half-way may hold a half-filtered instance.
        giveBack(stripe, classifier);
        return probabilities;
    }

    /**
     * The probability of the positive class for one case under each value of one nominal attribute (e.g. each treatment
     * option), all scored by one borrowed copy: one instance over {@code row}, whose {@code slot} is set to each value
     * in turn (so the caller's {@code row[slot]} is overwritten; the other values are only read).
     */
    double[] positiveProbabilitiesBySlotValue(double[] row, int slot, int values) {
        // Only the slot changes between the calls. Weka's classifiers read an instance without keeping it (the filtered
        // classifier scores a filtered copy), and DenseInstance uses the array it is given, so the instance always
        // shows the current slot value.
        double[] attributes = row;
        Instance instance = WekaDataset.instanceOf(header, attributes);
        int stripe = stripe();
        Classifier classifier = borrow(stripe);
        double[] probabilities = new double[values];
        try {
            for (int value = 0; value < values; value++) {
                attributes[slot] = value;
                probabilities[value] = classifier.distributionForInstance(instance)[positive];
            }
        } catch (Exception e) {
            throw new IllegalStateException("the model could not score a case", e);
        }
        giveBack(stripe, classifier);
        return probabilities;
    }

    /** The probability of the positive class for each row of attribute values, all scored by one borrowed copy. */
    double[] positiveProbabilities(double[][] rows) {
        int stripe = stripe();
        Classifier classifier = borrow(stripe);
        double[] probabilities = new double[rows.length];
        try {
            for (int i = 0; i < rows.length; i++) {
                probabilities[i] = classifier
                        .distributionForInstance(WekaDataset.instanceOf(header, rows[i].clone()))[positive];
            }
        } catch (Exception e) {
            throw new IllegalStateException("the model could not score a case", e);
        }
        giveBack(stripe, classifier);
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
        int idle = spare.size();
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            idle += slots.get(slot(stripe)) == null ? 0 : 1;
        }
        return idle;
    }

    private static int stripe() {
        return (int) (Thread.currentThread().getId() & (STRIPES - 1));
    }

    private static int slot(int stripe) {
        return stripe * SLOT_SPACING;
    }

    /**
     * The idle copy in the caller's slot, else a spare one, else one from any other slot, else a new one: the copies
     * never outnumber the most calls that were ever in flight at once (a forest's copy is megabytes).
     */
    private Classifier borrow(int stripe) {
        Classifier idle = slots.getAndSet(slot(stripe), null);
        if (idle == null) {
            idle = spare.poll();
        }
        for (int other = 0; idle == null && other < STRIPES; other++) {
            idle = slots.getAndSet(slot(other), null);
        }
        return idle != null ? idle : copyOf(trained);
    }

    private void giveBack(int stripe, Classifier classifier) {
        if (!slots.compareAndSet(slot(stripe), null, classifier)) {
            spare.offer(classifier);
        }
    }

    private double positiveProbability(Classifier classifier, CaseValues values) {
        try {
            return classifier.distributionForInstance(WekaDataset.instance(header, values))[positive];
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
}
