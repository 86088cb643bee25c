package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.TrainedRegistry;

class TasksTest {

    private final Tasks tasks = new Tasks();

    {
        tasks.registry = TrainedRegistry.create();
    }

    @Test
    void describesTheColonTaskWithItsActiveModel() {
        TaskDescription colon = tasks.byId("colon-recurrence-5y").orElseThrow();
        assertEquals(List.of(colon), tasks.all());
        assertEquals("rx", colon.treatmentFeature());
        assertEquals(List.of("Obs", "Lev", "Lev+5FU"), colon.treatmentOptions());
        assertEquals("Obs", colon.referenceOption());
        assertTrue(colon.randomised());
        assertEquals(9, colon.features().size());
        assertEquals("colon-recurrence-5y/1", colon.activeModel().version());
        assertEquals(888, colon.activeModel().trainingRows());
        assertTrue(colon.activeModel().sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void knowsNoOtherTask() {
        assertTrue(tasks.byId("lung-death-1y").isEmpty());
        assertTrue(tasks.crossValidation("lung-death-1y").isEmpty());
    }

    @Test
    void handsOutTheCrossValidationOfTheActiveModel() {
        CrossValidation validation = tasks.crossValidation("colon-recurrence-5y").orElseThrow();
        assertEquals("colon-recurrence-5y/1", validation.modelVersion());
        assertEquals(10, validation.folds());
        assertEquals(888, validation.predictions().size());
        assertTrue(validation.auc() >= 0.67, "CV AUC " + validation.auc());
        assertTrue(Double.isFinite(validation.calibrationInTheLarge()));
        assertTrue(validation.calibrationSlope() > 0, "slope " + validation.calibrationSlope());
        assertEquals(10, validation.reliability().size());
        assertEquals(888, validation.reliability().stream().mapToInt(ReliabilityBin::patients).sum());
        OutOfFoldPrediction first = validation.predictions().get(0);
        assertTrue(first.attributes().containsKey("sex") && first.attributes().containsKey("rx"));
    }
}
