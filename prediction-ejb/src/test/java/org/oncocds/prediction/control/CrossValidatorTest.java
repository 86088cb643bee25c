package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.DenseInstance;
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
        System.out.printf("colon-recurrence-5y seeded stratified 10-fold CV: AUC %.4f, Brier %.4f, accuracy %.4f,"
                + " calibration-in-the-large %.4f, slope %.4f%n%s%n", RESULT.auc(), RESULT.brierScore(),
                RESULT
                        .accuracy(),
                RESULT.calibrationInTheLarge(), RESULT.calibrationSlope(), RESULT.reliability());
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
    void theCalibrationSlopeIsWekasLogisticRegressionOfTheOutcomeOnTheLogitOfTheRisk() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("logit"), new Attribute("outcome", List
                .of("no", "yes"))));
        Instances recalibration = new Instances("recalibration", attributes, RESULT.predictions().size());
        recalibration.setClassIndex(1);
        for (FoldPrediction prediction : RESULT.predictions()) {
            recalibration.add(new DenseInstance(1, new double[]{Math.log(prediction.risk() / (1 - prediction.risk())),
                    prediction.label()}));
        }
        Logistic logistic = new Logistic();
        logistic.setRidge(0);
        logistic.buildClassifier(recalibration);
        // Weka's coefficients are those of the first class ("no"): the negated slope and intercept.
        assertEquals(-logistic.coefficients()[1][0], RESULT.calibrationSlope(), 1e-4);
    }

    @Test
    void isCalibratedInTheCrossValidation() {
        assertTrue(Math.abs(RESULT.calibrationInTheLarge()) < 0.2, "CITL " + RESULT.calibrationInTheLarge());
        assertTrue(RESULT.calibrationSlope() > 0.7 && RESULT.calibrationSlope() < 1.3, "slope " + RESULT
                .calibrationSlope());
        assertEquals(10, RESULT.reliability().size());
        assertEquals(888, RESULT.reliability().stream().mapToInt(RiskDecile::patients).sum());
        assertTrue(RESULT.reliability().get(0).observedRate() < RESULT.reliability().get(9).observedRate());
    }

    @Test
    void isTheSameOnEveryRun() {
        assertEquals(RESULT, CrossValidator.run(ModelTrainer.untrained(), DATA));
    }
}
