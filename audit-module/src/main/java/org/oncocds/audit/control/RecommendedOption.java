package org.oncocds.audit.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/** What a recommendation's outputs document names as the recommended option, if anything. */
public final class RecommendedOption {

    /** The top-level key of the outputs document that names the recommended option. */
    public static final String KEY = "recommendedOption";

    private RecommendedOption() {
    }

    /**
     * The string at {@value #KEY} in an outputs document; empty when the document is not a JSON object, has no such key
     * or holds something other than a non-blank string there.
     */
    public static Optional<String> in(String outputsJson) {
        if (outputsJson == null || outputsJson.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JsonProcessing.reader(outputsJson)) {
            JsonValue document = reader.readValue();
            if (document.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            JsonValue option = ((JsonObject) document).get(KEY);
            if (option instanceof JsonString text && !text.getString().isBlank()) {
                return Optional.of(text.getString());
            }
            return Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
