package org.oncocds.prediction.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A trained model version of one task, ready to score patients from many threads at once. */
public final class TrainedModel {

    private final TaskDefinition task;
    private final String version;
    private final String algorithm;
    private final String sha256;
    private final Instant trainedAt;
    private final int trainingRows;
    private final CaseValues imputation;
    private final CrossValidationResult crossValidation;
    private final ScoringPool scoring;

    TrainedModel(TaskDefinition task, String version, String algorithm, String sha256, Instant trainedAt,
            int trainingRows, CaseValues imputation, CrossValidationResult crossValidation, ScoringPool scoring) {
        this.task = task;
        this.version = version;
        this.algorithm = algorithm;
        this.sha256 = sha256;
        this.trainedAt = trainedAt;
        this.trainingRows = trainingRows;
        this.imputation = imputation;
        this.crossValidation = crossValidation;
        this.scoring = scoring;
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

    /** How the model's algorithm performed in seeded stratified cross-validation on the training data. */
    public CrossValidationResult crossValidation() {
        return crossValidation;
    }

    /**
     * The probability of the task's outcome for one patient under each treatment option, in the task's order.
     *
     * @param patient
     *            every feature of the task (complete it with {@link #imputation()} first); the treatment is ignored
     */
    public Map<String, Double> risksByOption(CaseValues patient) {
        List<CaseValues> underEachOption = task.treatmentOptions().stream().map(option -> patient.with(task
                .treatmentFeature(), option)).toList();
        return ScoringPool.byKey(task.treatmentOptions(), scoring.positiveProbabilities(underEachOption));
    }

    /** How many scoring copies wait in the pool. */
    int idleCopies() {
        return scoring.idleCopies();
    }
}
