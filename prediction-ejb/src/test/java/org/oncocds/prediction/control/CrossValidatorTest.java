package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Instances;

class CrossValidatorTest {

    private static final Instances DATA = WekaDataset.trainingSet(ColonRecurrence.TASK, ColonRecurrence.cohort());
    private static final CrossValidationResult RESULT = CrossValidator.run(ModelTrainer.untrained(), DATA);

    @Test
    void givesTheAucOfWekasOwnCrossValidation() throws Exception {
        Evaluation weka = new Evaluation(DATA);
        weka.crossValidateModel(AbstractClassifier.makeCopy(ModelTrainer.untrained()), DATA, CrossValidator.FOLDS,
                new Random(CrossValidator.SEED));
        int positive = DATA.classAttribute().indexOfValue(WekaDataset.POSITIVE);
        assertEquals(weka.areaUnderROC(positive), RESULT.auc(), 1e-12);
        assertEquals(weka.pctCorrect() / 100, RESULT.accuracy(), 1e-12);
        System.out.printf("colon-recurrence-5y seeded stratified 10-fold CV: AUC %.4f, Brier %.4f, accuracy %.4f%n",
                RESULT.auc(), RESULT.brierScore(), RESULT.accuracy());
    }

    @Test
    void reachesTheDiscriminationIssueThreeAsksFor() {
        assertTrue(RESULT.auc() >= 0.67, "CV AUC " + RESULT.auc());
    }

    @Test
    void keepsOneOutOfFoldPredictionPerPatientWithItsLabel() {
        assertEquals(888, RESULT.predictions().size());
        assertEquals(451, RESULT.predictions().stream().mapToInt(FoldPrediction::label).sum());
        assertTrue(RESULT.predictions().stream().allMatch(p -> p.risk() > 0 && p.risk() < 1));
    }

    @Test
    void keepsThePatientsRecordedValuesForSubgroups() {
        assertTrue(RESULT.predictions().stream().allMatch(p -> p.attributes().containsKey("sex") && p.attributes()
                .containsKey("age") && p.attributes().containsKey("rx")));
        assertTrue(RESULT.predictions().stream().anyMatch(p -> !p.attributes().containsKey("nodes")));
        assertTrue(RESULT.predictions().stream().allMatch(p -> p.attributes().get("age").matches("\\d+")));
    }

    @Test
    void computesTheBrierScoreFromThePredictions() {
        double brier = RESULT.predictions().stream().mapToDouble(p -> Math.pow(p.risk() - p.label(), 2)).average()
                .orElseThrow();
        assertEquals(brier, RESULT.brierScore(), 1e-15);
        assertTrue(RESULT.brierScore() < 0.25, "no better than a coin: " + RESULT.brierScore());
    }

    @Test
    void isTheSameOnEveryRun() {
        assertEquals(RESULT, CrossValidator.run(ModelTrainer.untrained(), DATA));
    }
}
