package org.oncocds.fairness.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an audited recommendation recorded, as the monitoring needs it: the values the clinician entered (imputed
 * values are not the patient's and are left out), the predicted risk under each treatment option and the recommended
 * option when the outputs name one. Reads the documents the prediction module writes:
 * {@code {"features":{"age":{"imputed":false,"value":63},...},...}} and
 * {@code {"options":[{"option":"Obs","risk":0.52,...},...],"recommendedOption":"Obs",...}}.
 *
 * @param entered
 *            feature name to the entered value as text (whole numbers without a decimal point)
 * @param risks
 *            option to predicted risk
 * @param recommendedOption
 *            the option the outputs name as recommended, if any
 */
public record RecordedCase(Map<String, String> entered, Map<String, Double> risks, Optional<String> recommendedOption) {

    /** One provider for all records (each {@code Json.createReader} would look it up anew). */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /**
     * @throws IllegalArgumentException
     *             when a document is not JSON of that shape
     */
    public static RecordedCase of(String inputsJson, String outputsJson) {
        try {
            JsonObject inputs = read(inputsJson);
            JsonObject outputs = read(outputsJson);
            Map<String, String> entered = new HashMap<>();
            inputs.getJsonObject("features").forEach((name, feature) -> {
                JsonObject value = feature.asJsonObject();
                if (!value.getBoolean("imputed", false) && value.containsKey("value")) {
                    text(value.get("value")).ifPresent(text -> entered.put(name, text));
                }
            });
            Map<String, Double> risks = new LinkedHashMap<>();
            outputs.getJsonArray("options").getValuesAs(JsonObject.class).forEach(option -> risks.put(option
                    .getString("option"), option.getJsonNumber("risk").doubleValue()));
            Optional<String> recommended = outputs.get("recommendedOption") instanceof JsonString name
                    ? Optional.of(name.getString())
                    : Optional.empty();
            return new RecordedCase(Map.copyOf(entered), Map.copyOf(risks), recommended);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a recorded recommendation of the expected shape: " + e
                    .getMessage(), e);
        }
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.isIntegral()
                    ? number.bigIntegerValue().toString()
                    : number.bigDecimalValue().stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }
}
