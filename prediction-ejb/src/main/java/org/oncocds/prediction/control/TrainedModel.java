package org.oncocds.prediction.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A trained model version of one task, ready to score patients from many threads at once.
 * <p>
 * Weka's {@link weka.classifiers.meta.FilteredClassifier} pushes every instance through its own filter object, so one
 * model must not be used by two threads at once. Each thread scores with its own deep copy instead of queueing behind
 * one lock; a copy is a few kilobytes.
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
    private final ThreadLocal<Classifier> classifierOfThisThread;

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
        this.classifierOfThisThread = ThreadLocal.withInitial(() -> copyOf(trained));
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
        Map<String, Double> risks = new LinkedHashMap<>();
        for (String option : task.treatmentOptions()) {
            risks.put(option, risk(patient.with(task.treatmentFeature(), option)));
        }
        return risks;
    }

    private double risk(CaseValues values) {
        try {
            double[] distribution = classifierOfThisThread.get().distributionForInstance(WekaDataset.instance(header,
                    values));
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
