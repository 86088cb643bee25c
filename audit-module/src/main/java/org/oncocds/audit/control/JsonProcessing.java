package org.oncocds.audit.control;

import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * The module's one Jakarta JSON Processing provider. Every static {@code jakarta.json.Json.create...} call looks the
 * provider up again with a ServiceLoader scan over every jar of the application (about 30% of the server's CPU under
 * the REST load run); the provider is thread-safe, so it is looked up once.
 */
public final class JsonProcessing {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonProcessing() {
    }

    /** A reader of {@code json}; the caller closes it. */
    public static JsonReader reader(String json) {
        return PROVIDER.createReader(new StringReader(json));
    }

    /** The shared factory of JSON generators (default configuration). */
    public static JsonGeneratorFactory generators() {
        return GENERATORS;
    }
}
