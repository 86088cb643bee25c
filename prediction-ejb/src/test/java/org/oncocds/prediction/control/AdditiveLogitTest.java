package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * The additive log-odds reproduce Weka on logistic models (the shipped colon and Rotterdam models, on patients of the
 * data) and are refused for models whose log-odds are not additive, which then keep scoring through Weka.
 */
class AdditiveLogitTest {

    private static final TrainedModel COLON = ModelTrainer.train(ColonRecurrence.TASK, ColonRecurrence.cohort(), 1);
    private static final TrainedModel ROTTERDAM = ModelTrainer.train(RotterdamRelapseFree.TASK, RotterdamRelapseFree
            .cohort(), 1);

    @Test
    void logisticModelsAreAdditiveAndAgreeWithWekaOnEveryPatientOfTheData() {
        check(COLON, ColonRecurrence.cohort());
        check(ROTTERDAM, RotterdamRelapseFree.cohort());
    }

    @Test
    void aForestIsNotAdditiveAndKeepsScoringThroughWeka() throws Exception {
        Instances data = WekaDataset.trainingSet(ColonRecurrence.TASK, ColonRecurrence.cohort());
        Classifier forest = Algorithm.RANDOM_FOREST.untrained(Map.of());
        forest.buildClassifier(data);
        ScoringPool pool = new ScoringPool(forest, new Instances(data, 0));

        assertEquals(Optional.empty(), AdditiveLogit.of(pool.header(), reference(COLON), row -> pool
                .positiveProbabilities(new double[][]{row})[0]));
    }

    @Test
    void aRowWithAMissingValueIsLeftToWeka() {
        AdditiveLogit additive = additiveOf(COLON);
        double[] row = reference(COLON);
        row[0] = Double.NaN;
        assertTrue(Double.isNaN(additive.positiveProbability(row)));
        assertNull(additive.positiveProbabilitiesBySlotValue(row, COLON.plan().treatmentSlot(), 3));
    }

    private static void check(TrainedModel model, List<LabelledCase> patients) {
        AdditiveLogit additive = additiveOf(model);
        ScoringPool pool = new ScoringPool(model.classifier(), model.header());
        int slot = model.plan().treatmentSlot();
        int options = model.task().treatmentOptions().size();
        for (LabelledCase patient : patients) {
            double[] row = model.plan().row(patient.values().completedWith(model.imputation()));
            double[] expected = pool.positiveProbabilitiesBySlotValue(row.clone(), slot, options);
            assertArrayEquals(expected, additive.positiveProbabilitiesBySlotValue(row, slot, options),
                    AdditiveLogit.TOLERANCE);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            LabelledCase patient = patients.get(random.nextInt(patients.size()));
            double[] row = model.plan().row(patient.values().completedWith(model.imputation()));
            row[slot] = random.nextInt(options);
            assertEquals(pool.positiveProbabilities(new double[][]{row})[0], additive.positiveProbability(row),
                    AdditiveLogit.TOLERANCE);
        }
    }

    private static AdditiveLogit additiveOf(TrainedModel model) {
        ScoringPool pool = new ScoringPool(model.classifier(), model.header());
        return AdditiveLogit.of(model.header(), reference(model), row -> pool.positiveProbabilities(new double[][]{
                row})[0]).orElseThrow(() -> new AssertionError("a logistic model is additive"));
    }

    private static double[] reference(TrainedModel model) {
        double[] row = model.plan().row(model.referenceValues());
        row[model.plan().treatmentSlot()] = 0;
        return row;
    }
}
