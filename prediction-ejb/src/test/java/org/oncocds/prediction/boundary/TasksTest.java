package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.AnsweringModels;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TrainedRegistry;

class TasksTest {

    // Trained once for all tests: training both tasks with their cross-validations and bootstrap models takes seconds.
    private static final ModelRegistry REGISTRY = TrainedRegistry.create();

    private final Tasks tasks = new Tasks();

    {
        tasks.registry = REGISTRY;
        tasks.store = TrainedRegistry.activeStore();
        tasks.answering = AnsweringModels.over(tasks.store, REGISTRY);
    }

    @Test
    void describesTheColonTaskWithItsActiveModel() {
        TaskDescription colon = tasks.byId("colon-recurrence-5y").orElseThrow();
        assertEquals(List.of("colon-recurrence-5y", "rotterdam-rfs-5y"), tasks.all().stream().map(TaskDescription::id)
                .toList());
        assertEquals(colon, tasks.all().get(0));
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
    void describesTheRotterdamTaskAsObservationalWithSizeInMillimetres() {
        TaskDescription rotterdam = tasks.byId("rotterdam-rfs-5y").orElseThrow();
        assertFalse(rotterdam.randomised());
        assertEquals("therapy", rotterdam.treatmentFeature());
        assertEquals(List.of("none", "hormonal", "chemotherapy", "hormonal+chemotherapy"), rotterdam
                .treatmentOptions());
        assertEquals("none", rotterdam.referenceOption());
        assertEquals(List.of("age", "meno", "size", "grade", "nodes", "pgr", "er"), rotterdam.features().stream().map(
                FeatureDescription::name).toList());
        assertEquals(new FeatureDescription("size", FeatureType.NUMBER, "mm", 1.0, 250.0, List.of(), true), rotterdam
                .features().get(2));
        assertEquals(2856, rotterdam.activeModel().trainingRows());
        CrossValidation validation = tasks.crossValidation("rotterdam-rfs-5y").orElseThrow();
        assertTrue(validation.auc() >= 0.71, "CV AUC " + validation.auc());
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

    @Test
    void withoutAnActiveVersionATaskHasNoActiveModelButTheRegistryIsReady() {
        Tasks fresh = new Tasks();
        fresh.registry = REGISTRY;
        fresh.store = TrainedRegistry.store();
        fresh.answering = AnsweringModels.over(fresh.store, REGISTRY);
        assertEquals(null, fresh.byId("colon-recurrence-5y").orElseThrow().activeModel());
        assertTrue(fresh.crossValidation("colon-recurrence-5y").isEmpty());
        assertTrue(fresh.ready());
        assertEquals(java.util.Map.of("colon-recurrence-5y", "awaiting approval", "rotterdam-rfs-5y",
                "awaiting approval"), fresh.modelStatus());
        assertEquals("active colon-recurrence-5y/1", tasks.modelStatus().get("colon-recurrence-5y"));
        assertFalse(new Tasks() {
            {
                registry = REGISTRY;
                store = new org.oncocds.prediction.control.MemoryVersionStore();
            }
        }.ready());
    }
}
