package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class ModelTrainerTest {

    private static final List<LabelledCase> COHORT = ColonRecurrence.cohort();

    @Test
    void twoTrainingsGiveTheSameSerializedModel() {
        TrainedModel first = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        TrainedModel second = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        assertEquals(64, first.sha256().length());
        assertEquals(first.sha256(), second.sha256());
    }

    @Test
    void aDifferentTrainingSetGivesADifferentHash() {
        TrainedModel all = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        TrainedModel fewer = ModelTrainer.train(ColonRecurrence.TASK, COHORT.subList(1, COHORT.size()), 1);
        assertTrue(!all.sha256().equals(fewer.sha256()));
    }

    @Test
    void describesTheVersionAndTheAlgorithm() {
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        assertEquals("colon-recurrence-5y/1", model.version());
        assertEquals(888, model.trainingRows());
        assertTrue(model.algorithm().contains("ReplaceMissingValues"), model.algorithm());
        assertTrue(model.algorithm().contains("Logistic -- -R 1.0E-4"), model.algorithm());
    }

    @Test
    void carriesTheCrossValidationOfItsAlgorithm() {
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        assertEquals(10, model.crossValidation().folds());
        assertEquals(COHORT.size(), model.crossValidation().predictions().size());
    }

    @Test
    void imputesTheTrainingMeanAndMode() {
        Instances data = WekaDataset.trainingSet(ColonRecurrence.TASK, COHORT);
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        double meanNodes = data.meanOrMode(data.attribute("nodes"));
        String modeDiffer = data.attribute("differ").value((int) data.meanOrMode(data.attribute("differ")));
        assertEquals(meanNodes, model.imputation().numbers().get("nodes"), 1e-12);
        assertEquals("2", modeDiffer);
        assertEquals(modeDiffer, model.imputation().categories().get("differ"));
        assertEquals(2, model.imputation().numbers().size() + model.imputation().categories().size());
    }

    @Test
    void takesTheTrainingMeanOrModeOfEveryFeatureAsItsReferenceValue() {
        Instances data = WekaDataset.trainingSet(ColonRecurrence.TASK, COHORT);
        TrainedModel model = ModelTrainer.train(ColonRecurrence.TASK, COHORT, 1);
        assertEquals(data.meanOrMode(data.attribute("age")), model.referenceValues().numbers().get("age"), 1e-12);
        assertEquals(data.attribute("extent").value((int) data.meanOrMode(data.attribute("extent"))), model
                .referenceValues().categories().get("extent"));
        assertEquals(ColonRecurrence.TASK.features().size(), model.referenceValues().numbers().size() + model
                .referenceValues().categories().size());
    }
}
