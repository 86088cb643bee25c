package org.oncocds.prediction.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A trained model version of one task, ready to score patients from many threads at once.
 * <p>
 * Weka's {@link weka.classifiers.meta.FilteredClassifier} pushes every instance through its own filter object, so one
 * model must not be used by two threads at once. Each call borrows a deep copy from a lock-free pool instead of
 * queueing behind one lock; the pool grows to the highest number of concurrent calls (a copy is a few kilobytes). A
 * pool rather than a {@code ThreadLocal}: the application server's threads outlive a redeployment, and copies left in
 * them would keep the old application's classes in memory.
 */
public final class TrainedModel {

    private final TaskDefinition task;
    private final String version;
    private final String algorithm;
    private final String sha256;
    private final Instant trainedAt;
    private final int trainingRows;
    private final CaseValues imputation;
    private final Instances header;
    private final Classifier trained;
    private final Queue<Classifier> idleCopies = new ConcurrentLinkedQueue<>();

    TrainedModel(TaskDefinition task, String version, String algorithm, String sha256, Instant trainedAt,
            int trainingRows, CaseValues imputation, Classifier trained, Instances header) {
        this.task = task;
        this.version = version;
        this.algorithm = algorithm;
        this.sha256 = sha256;
        this.trainedAt = trainedAt;
        this.trainingRows = trainingRows;
        this.imputation = imputation;
        this.header = header;
        this.trained = trained;
    }

    /** E.g. {@code colon-recurrence-5y/1}. */
    public String version() {
        return version;
    }

    /** The Weka classifier and its options. */
    public String algorithm() {
        return algorithm;
    }

    /** SHA-256 (hex) of the model and its training header as {@code SerializationHelper.writeAll} writes them. */
    public String sha256() {
        return sha256;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public int trainingRows() {
        return trainingRows;
    }

    /** What the model puts in place of each optional feature that is missing: training mean or mode. */
    public CaseValues imputation() {
        return imputation;
    }

    /**
     * The probability of the task's outcome for one patient under each treatment option, in the task's order.
     *
     * @param patient
     *            every feature of the task (complete it with {@link #imputation()} first); the treatment is ignored
     */
    public Map<String, Double> risksByOption(CaseValues patient) {
        Classifier classifier = borrow();
        Map<String, Double> risks = new LinkedHashMap<>();
        for (String option : task.treatmentOptions()) {
            risks.put(option, risk(classifier, patient.with(task.treatmentFeature(), option)));
        }
        // Returned only after success: a copy that failed half-way may hold a half-filtered instance.
        idleCopies.offer(classifier);
        return risks;
    }

    /** How many scoring copies wait in the pool. */
    int idleCopies() {
        return idleCopies.size();
    }

    private Classifier borrow() {
        Classifier idle = idleCopies.poll();
        return idle != null ? idle : copyOf(trained);
    }

    private double risk(Classifier classifier, CaseValues values) {
        try {
            double[] distribution = classifier.distributionForInstance(WekaDataset.instance(header, values));
            return distribution[header.classAttribute().indexOfValue(WekaDataset.POSITIVE)];
        } catch (Exception e) {
            throw new IllegalStateException("model " + version + " could not score a case", e);
        }
    }

    private static Classifier copyOf(Classifier trained) {
        try {
            return AbstractClassifier.makeCopy(trained);
        } catch (Exception e) {
            throw new IllegalStateException("the model cannot be copied for a scoring thread", e);
        }
    }
}
