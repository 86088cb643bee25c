package org.oncocds.prediction.control;

import java.time.Instant;
import org.oncocds.prediction.entity.StoredModelVersion;

/** What {@link ModelArtifacts#load} needs of a stored version: its bytes, their hashes and its cross-validation. */
public record StoredModel(String version, String wekaVersion, String sha256, byte[] modelBytes, String bootstrapSha256,
        byte[] bootstrapBytes, String trainingDataSha256, Instant trainedAt, int trainingRows,
        CrossValidationResult crossValidation) {

    public static StoredModel of(StoredModelVersion stored) {
        return new StoredModel(stored.getVersion(), stored.getWekaVersion(), stored.getSha256(), stored
                .getModelBytes(), stored.getBootstrapSha256(), stored.getBootstrapBytes(),
                stored
                        .getTrainingDataSha256(),
                stored.getTrainedAt(), stored.getTrainingRows(), StoredCrossValidation.read(stored));
    }
}
