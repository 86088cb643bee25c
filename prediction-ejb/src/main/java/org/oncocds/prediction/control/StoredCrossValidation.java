package org.oncocds.prediction.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * A version's cross-validation as the registry stores it: the metrics in columns, every out-of-fold prediction as
 * canonical JSON (numbers written exactly, so they read back bit for bit); the reliability curve is recomputed from the
 * predictions.
 */
public final class StoredCrossValidation {

    private StoredCrossValidation() {
    }

    public static void write(CrossValidationResult result, StoredModelVersion stored) {
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (FoldPrediction prediction : result.predictions()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", prediction.label());
            json.put("risk", prediction.risk());
            json.put("attributes", prediction.attributes());
            predictions.add(json);
        }
        stored.setCrossValidation(result.folds(), result.seed(), finite(result.auc()), finite(result.brierScore()),
                finite(result.accuracy()), finite(result.calibrationInTheLarge()), finite(result.calibrationSlope()),
                CanonicalJson.of(predictions));
    }

    public static CrossValidationResult read(StoredModelVersion stored) {
        List<FoldPrediction> predictions = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(stored.getCvPredictionsJson()))) {
            JsonArray array = reader.readArray();
            for (JsonValue value : array) {
                JsonObject prediction = value.asJsonObject();
                Map<String, String> attributes = new HashMap<>();
                prediction.getJsonObject("attributes")
                        .forEach((name, text) -> attributes.put(name, ((jakarta.json.JsonString) text)
                                .getString()));
                predictions.add(new FoldPrediction(prediction.getInt("label"), prediction.getJsonNumber("risk")
                        .doubleValue(), attributes));
            }
        }
        return new CrossValidationResult(stored.getCvFolds(), stored.getCvSeed(), orNaN(stored.getCvAuc()), orNaN(stored
                .getCvBrier()), orNaN(stored.getCvAccuracy()), orNaN(stored.getCvCalibrationInTheLarge()), orNaN(
                        stored
                                .getCvCalibrationSlope()),
                Calibration.reliability(predictions), predictions);
    }

    /** NaN (e.g. a calibration slope of separated labels) is stored as null: SQL has no NaN everywhere. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
