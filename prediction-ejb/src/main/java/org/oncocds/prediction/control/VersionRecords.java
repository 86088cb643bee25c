package org.oncocds.prediction.control;

import java.time.Instant;
import org.oncocds.prediction.entity.StoredModelVersion;

/** Turns a trained model into the row the registry stores: a DRAFT version with everything needed to load it again. */
public final class VersionRecords {

    public static final String DRAFT = "DRAFT";

    private VersionRecords() {
    }

    /** The model, already named {@code <taskId>/<number>}, as a DRAFT row. */
    public static StoredModelVersion draft(TrainedModel model, int number, String trainedBy, Instant now) {
        StoredModelVersion stored = new StoredModelVersion();
        stored.setVersion(model.task().id(), number);
        stored.setAlgorithm(model.classifierName(), model.classifierOptions(), ModelArtifacts.wekaVersion());
        byte[] modelBytes = ModelArtifacts.modelBytes(model);
        byte[] bootstrapBytes = ModelArtifacts.bootstrapBytes(model);
        String sha256 = ModelArtifacts.sha256(modelBytes);
        if (!sha256.equals(model.sha256())) {
            throw new IllegalStateException(
                    "the model of " + model.version() + " serialized differently from training");
        }
        stored.setModel(modelBytes, sha256, bootstrapBytes, ModelArtifacts.sha256(bootstrapBytes));
        stored.setTraining(model.trainingDataSha256(), model.trainingRows(), trainedBy, model.trainedAt());
        StoredCrossValidation.write(model.crossValidation(), stored);
        ModelCards.write(model, stored);
        stored.setState(DRAFT, trainedBy, now);
        return stored;
    }
}
