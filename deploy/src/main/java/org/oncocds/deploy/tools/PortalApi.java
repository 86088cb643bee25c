package org.oncocds.deploy.tools;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/** The portal's REST API ({@code /api/...}) called with one user's bearer token. */
public final class PortalApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http;
    private final URI portal;
    private final String accessToken;

    /** @param portal the portal's root, e.g. {@code http://127.0.0.1:8080} */
    public PortalApi(HttpClient http, URI portal, String accessToken) {
        this.http = http;
        this.portal = portal;
        this.accessToken = accessToken;
    }

    public PortalApi(URI portal, String accessToken) {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), portal, accessToken);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer post(String path, JsonObject body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString(body.toString())));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(portal + path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        return new Answer(built.method() + " " + built.uri().getPath(), response.statusCode(), response.body());
    }

    /** One answer of the API: its status and JSON body. */
    public record Answer(String request, int status, String body) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        public JsonObject object() {
            return (JsonObject) json();
        }

        public JsonArray array() {
            return (JsonArray) json();
        }

        private JsonStructure json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        /** The refusal in words: each problem's field and message from the API's error body, or the raw body. */
        public String problems() {
            try {
                JsonArray problems = object().getJsonArray("problems");
                return problems.stream().map(JsonValue::asJsonObject).map(problem -> problem.getString("field", "?")
                        + ": " + problem.getString("message", "")).collect(Collectors.joining("; "));
            } catch (RuntimeException notAnError) {
                return body.length() > 300 ? body.substring(0, 300) + "..." : body;
            }
        }

        /** Fails with the request, status and problems unless the API answered 2xx. */
        public Answer requireSuccess() throws IOException {
            if (!successful()) {
                throw new IOException(request + " answered HTTP " + status + ": " + problems());
            }
            return this;
        }
    }
}
