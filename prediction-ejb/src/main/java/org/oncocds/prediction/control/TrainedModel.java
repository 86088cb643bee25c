package org.oncocds.prediction.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;

/** A trained model version of one task, ready to score patients from many threads at once. */
public final class TrainedModel {

    private static final double LOWER = 0.025;
    private static final double UPPER = 0.975;

    private final TaskDefinition task;
    private final String version;
    private final FilteredClassifier classifier;
    private final String sha256;
    private final String trainingDataSha256;
    private final Instant trainedAt;
    private final int trainingRows;
    private final CaseValues meansAndModes;
    private final CaseValues imputation;
    private final CrossValidationResult crossValidation;
    private final ScoringPool scoring;
    private final BootstrapEnsemble ensemble;
    private final ScoringPlan plan;

    TrainedModel(TaskDefinition task, String version, FilteredClassifier classifier, Instances header, String sha256,
            String trainingDataSha256, Instant trainedAt, int trainingRows, CaseValues meansAndModes,
            CrossValidationResult crossValidation, BootstrapEnsemble ensemble) {
        this.task = task;
        this.version = version;
        this.classifier = classifier;
        this.sha256 = sha256;
        this.trainingDataSha256 = trainingDataSha256;
        this.trainedAt = trainedAt;
        this.trainingRows = trainingRows;
        this.meansAndModes = meansAndModes;
        this.imputation = ModelTrainer.optionalOnly(task, meansAndModes);
        this.crossValidation = crossValidation;
        this.scoring = new ScoringPool(classifier, header);
        this.plan = new ScoringPlan(header, task);
        this.ensemble = ensemble.withAdditiveScoring(referenceRow(plan, meansAndModes));
    }

    /** The training means and modes as a row, under the first treatment option when they name none. */
    private static double[] referenceRow(ScoringPlan plan, CaseValues meansAndModes) {
        double[] row = plan.row(meansAndModes);
        if (Double.isNaN(row[plan.treatmentSlot()])) {
            row[plan.treatmentSlot()] = 0;
        }
        return row;
    }

    /** The same trained model under another version name (the registry numbers versions when it stores them). */
    public TrainedModel named(String newVersion) {
        return new TrainedModel(task, newVersion, classifier, scoring.header(), sha256, trainingDataSha256, trainedAt,
                trainingRows, meansAndModes, crossValidation, ensemble);
    }

    /** E.g. {@code colon-recurrence-5y/1}. */
    public String version() {
        return version;
    }

    public TaskDefinition task() {
        return task;
    }

    /** The Weka classifier and its options, preprocessing included, as one command line. */
    public String algorithm() {
        return Utils.toCommandLine(classifier);
    }

    /** The class name of the classifier inside the preprocessing, e.g. {@code weka.classifiers.functions.Logistic}. */
    public String classifierName() {
        return classifier.getClassifier().getClass().getName();
    }

    /** The options of the classifier inside the preprocessing, as Weka writes them on a command line. */
    public String classifierOptions() {
        return Utils.joinOptions(classifier.getClassifier() instanceof OptionHandler options
                ? options.getOptions()
                : new String[0]);
    }

    /** SHA-256 (hex) of the training data as the model saw it (its ARFF text, labels included). */
    public String trainingDataSha256() {
        return trainingDataSha256;
    }

    /** The trained classifier with its preprocessing, for storing; never scored with directly. */
    FilteredClassifier classifier() {
        return classifier;
    }

    /** The training header (attributes, no rows). */
    Instances header() {
        return scoring.header();
    }

    BootstrapEnsemble ensemble() {
        return ensemble;
    }

    ScoringPlan plan() {
        return plan;
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

    /** The reference value of every feature for the drivers: training mean (numbers) or mode (categories). */
    public CaseValues referenceValues() {
        return meansAndModes;
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
    public Map<String, Double> risksByOption(CaseValues given) {
        // One row of attribute values for the patient; the options differ only in the treatment slot (no map copies).
        List<String> options = task.treatmentOptions();
        double[] risks = scoring.positiveProbabilitiesBySlotValue(plan.rowWithoutTreatment(given), plan
                .treatmentSlot(), options.size());
        return new OptionRisks(options, risks);
    }

    /** The probability of the task's outcome for one patient under one treatment option. */
    public double risk(CaseValues given, String option) {
        return risksByOption(given).get(option);
    }

    /** How many bootstrap models the uncertainty intervals come from. */
    public int bootstrapModels() {
        return ensemble.size();
    }

    /**
     * The 95% uncertainty interval of each option's risk and of its benefit over the reference option, in the task's
     * order: the 2.5th and 97.5th percentiles over the bootstrap models (see {@link BootstrapEnsemble}).
     *
     * @param patient
     *            every feature of the task (complete it with {@link #imputation()} first); the treatment is ignored
     */
    public Map<String, OptionInterval> intervalsByOption(CaseValues given, String referenceOption) {
        // The patient's row is built once and shared by every member; each scores it under every option.
        List<String> options = task.treatmentOptions();
        double[][] risks = ensemble.positiveProbabilitiesBySlotValue(plan.row(given), plan.treatmentSlot(), options
                .size());
        int reference = options.indexOf(referenceOption);
        Map<String, OptionInterval> intervals = new LinkedHashMap<>();
        for (int option = 0; option < options.size(); option++) {
            double[] risk = new double[risks.length];
            double[] benefit = new double[risks.length];
            for (int member = 0; member < risks.length; member++) {
                risk[member] = risks[member][option];
                benefit[member] = risks[member][reference] - risks[member][option];
            }
            intervals.put(options.get(option), new OptionInterval(Percentile.of(risk, LOWER), Percentile.of(risk,
                    UPPER), Percentile.of(benefit, LOWER), Percentile.of(benefit, UPPER)));
        }
        return intervals;
    }

    /**
     * What drives one patient's risk under one option: for each feature, the risk with the patient's value minus the
     * risk with the feature at its {@linkplain #referenceValues() reference value}, largest absolute change first. A
     * binned number (e.g. tumour size) is shown and compared as its bin.
     *
     * @param patient
     *            every feature of the task (complete it with {@link #imputation()} first)
     */
    public List<FeatureEffect> drivers(CaseValues given, String option) {
        CaseValues treated = task.modelValues(given).with(task.treatmentFeature(), option);
        List<FeatureSpec> features = task.features();
        double[][] rows = new double[features.size() + 1][];
        rows[0] = plan.row(treated);
        for (int slot = 0; slot < features.size(); slot++) {
            rows[slot + 1] = plan.with(rows[0], slot, meansAndModes.valueOf(features.get(slot).name()).orElseThrow());
        }
        double[] risks = scoring.positiveProbabilities(rows);
        List<FeatureEffect> effects = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String name = features.get(i).name();
            effects.add(new FeatureEffect(name, treated.valueOf(name).orElseThrow(), meansAndModes.valueOf(name)
                    .orElseThrow(), risks[0] - risks[i + 1]));
        }
        effects.sort(Comparator.comparingDouble((FeatureEffect effect) -> -Math.abs(effect.riskChange())));
        return effects;
    }

    /** How many scoring copies wait in the pool. */
    int idleCopies() {
        return scoring.idleCopies();
    }
}
