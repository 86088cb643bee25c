package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored model loads back identical, and a changed one is refused naming the version and the reason. */
class ModelArtifactsTest {

    private static final ModelRegistry REGISTRY = TrainedRegistry.create();
    private static final TrainedModel MODEL = REGISTRY.train(ColonRecurrence.TASK.id(), Runnable::run, fold -> {
    }).named("colon-recurrence-5y/7");
    private static final byte[] MODEL_BYTES = ModelArtifacts.modelBytes(MODEL);
    private static final byte[] BOOTSTRAP_BYTES = ModelArtifacts.bootstrapBytes(MODEL);

    @Test
    void aStoredModelLoadsBackWithTheSameRisksIntervalsAndCrossValidation() {
        TrainedModel loaded = ModelArtifacts.load(ColonRecurrence.TASK, stored(MODEL_BYTES, ModelArtifacts
                .wekaVersion()));
        CaseValues patient = MODEL.referenceValues().withValue("nodes", 7.0);
        assertEquals(MODEL.risksByOption(patient), loaded.risksByOption(patient));
        assertEquals(MODEL.intervalsByOption(patient, "Obs"), loaded.intervalsByOption(patient, "Obs"));
        assertEquals(MODEL.imputation(), loaded.imputation());
        assertEquals(MODEL.sha256(), loaded.sha256());
        assertEquals("colon-recurrence-5y/7", loaded.version());
    }

    @Test
    void aModelWhoseBytesChangedIsRefused() {
        byte[] tampered = MODEL_BYTES.clone();
        tampered[tampered.length / 2] ^= 1;
        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> ModelArtifacts.load(
                ColonRecurrence.TASK, stored(tampered, ModelArtifacts.wekaVersion())));
        assertEquals("colon-recurrence-5y/7", refused.version());
        assertTrue(refused.getMessage().startsWith("model version colon-recurrence-5y/7 refused at load: the stored "
                + "model's bytes no longer match its SHA-256"), refused.getMessage());
    }

    @Test
    void changedBootstrapModelsAreRefused() {
        byte[] tampered = BOOTSTRAP_BYTES.clone();
        tampered[tampered.length - 10] ^= 1;
        StoredModel stored = stored(MODEL_BYTES, ModelArtifacts.wekaVersion());
        StoredModel changed = new StoredModel(stored.version(), stored.wekaVersion(), stored.sha256(), stored
                .modelBytes(), stored.bootstrapSha256(), tampered, stored.trainingDataSha256(), stored.trainedAt(),
                stored.trainingRows(), stored.crossValidation());
        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> ModelArtifacts.load(
                ColonRecurrence.TASK, changed));
        assertTrue(refused.reason().contains("bootstrap models' bytes no longer match"), refused.getMessage());
    }

    @Test
    void aModelSerializedByAnotherWekaVersionIsRefused() {
        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> ModelArtifacts.load(
                ColonRecurrence.TASK, stored(MODEL_BYTES, "3.8.5")));
        assertEquals("it was serialized by Weka 3.8.5 and this server runs Weka " + ModelArtifacts.wekaVersion()
                + "; retrain it on this server", refused.reason());
    }

    @Test
    void aModelWhoseHeaderDoesNotMatchTheTasksInputsIsRefusedEvenWithAMatchingHash() {
        // The task now knows a fourth differentiation grade the model never saw.
        List<FeatureSpec> features = new ArrayList<>(ColonRecurrence.TASK.features());
        features.replaceAll(feature -> feature.name().equals("differ")
                ? FeatureSpec.category("differ", false, "1",
                        "2", "3", "4")
                : feature);
        TaskDefinition changedTask = new TaskDefinition(ColonRecurrence.TASK.id(), ColonRecurrence.TASK.outcome(),
                ColonRecurrence.TASK.dataset(), "rx", ColonRecurrence.TASK.treatmentOptions(), "Obs", true, features);
        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> ModelArtifacts.load(
                changedTask, stored(MODEL_BYTES, ModelArtifacts.wekaVersion())));
        assertTrue(refused.reason().startsWith("its training header does not match the inputs of task "
                + "colon-recurrence-5y: "), refused.reason());
        assertTrue(refused.reason().contains("differ"), refused.reason());
    }

    @Test
    void bytesThatAreNotAWekaModelAreRefused() {
        byte[] notAModel = "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StoredModel stored = stored(MODEL_BYTES, ModelArtifacts.wekaVersion());
        StoredModel other = new StoredModel(stored.version(), stored.wekaVersion(), ModelArtifacts.sha256(notAModel),
                notAModel, stored.bootstrapSha256(), stored.bootstrapBytes(), stored.trainingDataSha256(), stored
                        .trainedAt(),
                stored.trainingRows(), stored.crossValidation());
        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> ModelArtifacts.load(
                ColonRecurrence.TASK, other));
        assertTrue(refused.reason().startsWith("the stored model cannot be read by this server"), refused.reason());
    }

    @Test
    void theCrossValidationReadsBackExactlyFromItsStoredForm() {
        var stored = TrainedRegistry.validated(MODEL, 7);
        CrossValidationResult read = StoredCrossValidation.read(stored);
        assertEquals(MODEL.crossValidation(), read);
    }

    private static StoredModel stored(byte[] modelBytes, String wekaVersion) {
        return new StoredModel(MODEL.version(), wekaVersion, MODEL.sha256(), modelBytes, ModelArtifacts.sha256(
                BOOTSTRAP_BYTES), BOOTSTRAP_BYTES, MODEL.trainingDataSha256(), MODEL.trainedAt(),
                MODEL
                        .trainingRows(),
                MODEL.crossValidation());
    }
}
