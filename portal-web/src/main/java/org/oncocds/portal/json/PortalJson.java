package org.oncocds.portal.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.util.Collection;

/**
 * JSON builders and readers from one provider looked up once. {@code Json.createObjectBuilder()},
 * {@code Json.createReader(...)} and their kind look the provider up anew on every call, a service-loader scan over
 * every jar of the application: under the REST API's load it took about 30% of the server's CPU (JFR profile of
 * {@code deploy/load-run.sh}). The provider and what it creates here are safe to share between threads; each builder
 * and reader is used by one.
 */
public final class PortalJson {

    /** The server's Jakarta JSON Processing implementation, found once. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private PortalJson() {
    }

    /** A new object builder. */
    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A new array builder. */
    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** A new array builder holding the values (strings, numbers, booleans, JSON values). */
    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    /** A reader of one JSON text. */
    public static JsonReader reader(Reader text) {
        return PROVIDER.createReader(text);
    }
}
