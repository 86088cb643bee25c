package org.oncocds.prediction.boundary;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncocds.prediction.control.StoredCrossValidation;
import org.oncocds.prediction.entity.StoredModelVersion;
import org.oncocds.prediction.entity.TrainingJobRecord;

/** Turns stored versions into the records other modules see. */
final class Summaries {

    private Summaries() {
    }

    static ModelVersionSummary of(StoredModelVersion stored) {
        String[] card = stored.getCard();
        return new ModelVersionSummary(stored.getVersion(), stored.getTaskId(), stored.getAlgorithm(), stored
                .getOptions(), LifecycleState.valueOf(stored.getState()), stored.getSha256(),
                stored
                        .getTrainingDataSha256(),
                stored.getWekaVersion(), stored.getTrainedBy(), stored.getTrainedAt(), stored.getCvAuc(), stored
                        .getCvBrier(),
                stored.getCvAccuracy(), stored.getCvCalibrationInTheLarge(), stored.getCvCalibrationSlope(), stored
                        .getTrainingRows(),
                stored.getBootstrapSha256(), stored.getBiasReportId(), stored.getApprovedBy(), stored.getApprovedAt(),
                stored.getStateChangedBy(), stored.getStateChangedAt(), new ModelCard(card[0], card[1], card[2],
                        card[3], card[4], card[5], card[6], card[7]));
    }

    static TrainingJob job(TrainingJobRecord job) {
        Map<String, String> options = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(job.getOptionsJson()))) {
            reader.readObject().forEach((name, value) -> options.put(name, ((JsonString) value).getString()));
        }
        return new TrainingJob(job.getId(), job.getTaskId(), job.getAlgorithm(), options, TrainingStatus.valueOf(job
                .getStatus()), job.getFoldsDone(), job.getFoldsTotal(), job.getVersion(), job.getFailure(), job
                        .getRequestedBy(),
                job.getRequestedAt(), job.getFinishedAt());
    }

    static CrossValidation crossValidation(StoredModelVersion stored) {
        return Descriptions.crossValidation(stored.getTaskId(), stored.getVersion(), StoredCrossValidation.read(
                stored));
    }
}
