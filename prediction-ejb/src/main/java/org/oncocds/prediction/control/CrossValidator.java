package org.oncocds.prediction.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Cross-validates an untrained classifier exactly as Weka's {@code Evaluation.crossValidateModel} does (randomise with
 * the seeded {@link Random}, stratify, the same train/test splits), and keeps each out-of-fold prediction.
 */
public final class CrossValidator {

    /** Folds of every cross-validation (stratified, seeded). */
    public static final int FOLDS = 10;
    static final long SEED = 1;

    private CrossValidator() {
    }

    static CrossValidationResult run(Classifier untrained, Instances data) {
        return run(untrained, data, fold -> {
        });
    }

    /** As {@link #run(Classifier, Instances)}, telling {@code foldsDone} the number of folds done after each fold. */
    static CrossValidationResult run(Classifier untrained, Instances data, IntConsumer foldsDone) {
        try {
            return crossValidate(untrained, data, foldsDone);
        } catch (Exception e) {
            throw new IllegalStateException("cross-validating " + data.relationName() + " failed", e);
        }
    }

    private static CrossValidationResult crossValidate(Classifier untrained, Instances original, IntConsumer foldsDone)
            throws Exception {
        Random random = new Random(SEED);
        Instances data = new Instances(original);
        data.randomize(random);
        data.stratify(FOLDS);
        Evaluation evaluation = new Evaluation(data);
        int positive = data.classAttribute().indexOfValue(WekaDataset.POSITIVE);
        List<FoldPrediction> predictions = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            Instances train = data.trainCV(FOLDS, fold, random);
            evaluation.setPriors(train);
            Classifier classifier = AbstractClassifier.makeCopy(untrained);
            classifier.buildClassifier(train);
            for (Instance patient : data.testCV(FOLDS, fold)) {
                double[] distribution = classifier.distributionForInstance(patient);
                evaluation.evaluateModelOnceAndRecordPrediction(distribution, patient);
                predictions.add(new FoldPrediction((int) patient.classValue() == positive ? 1 : 0,
                        distribution[positive], recordedValues(patient)));
            }
            foldsDone.accept(fold + 1);
        }
        return new CrossValidationResult(FOLDS, SEED, evaluation.areaUnderROC(positive), brierScore(predictions),
                evaluation.pctCorrect() / 100, Calibration.inTheLarge(predictions), Calibration.slope(predictions),
                Calibration.reliability(predictions), predictions);
    }

    private static double brierScore(List<FoldPrediction> predictions) {
        return predictions.stream().mapToDouble(p -> (p.risk() - p.label()) * (p.risk() - p.label())).average()
                .orElse(Double.NaN);
    }

    private static Map<String, String> recordedValues(Instance patient) {
        Map<String, String> values = new HashMap<>();
        for (int index = 0; index < patient.numAttributes(); index++) {
            Attribute attribute = patient.attribute(index);
            if (index != patient.classIndex() && !patient.isMissing(index)) {
                values.put(attribute.name(), attribute.isNominal()
                        ? patient.stringValue(index)
                        : BigDecimal.valueOf(
                                patient.value(index)).stripTrailingZeros().toPlainString());
            }
        }
        return values;
    }
}
