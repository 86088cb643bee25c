package org.oncocds.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/**
 * The governance a fresh installation needs before any clinician gets a prediction, done as the people who own it:
 * the compliance officer stores and approves the newest validated version's cross-validation bias report, the
 * administrator activates the version. Through the portal's REST API with the users' own Keycloak tokens (client
 * {@code oncocds-api}), so the EAR's bearer-token path and the approval gate are exercised on Payara Server too.
 */
final class ModelActivation {

    static final String API_CLIENT = "oncocds-api";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI portal;
    private final URI realm;
    private final String apiClientSecret;

    ModelActivation(URI portal, URI realm, String apiClientSecret) {
        this.portal = portal;
        this.realm = realm;
        this.apiClientSecret = apiClientSecret;
    }

    /** Approves and activates the task's newest VALIDATED version; returns the version now ACTIVE. */
    String approveAndActivate(String task, String complianceUser, String compliancePassword, String adminUser,
            String adminPassword) {
        String compliance = token(complianceUser, compliancePassword);
        String admin = token(adminUser, adminPassword);
        String version = newestValidatedVersion(task, admin);
        JsonObject report = call("POST", "/api/bias-reports/cross-validation?modelVersion=" + encode(version),
                compliance, null, 201).asJsonObject();
        String approval = Json.createObjectBuilder().add("decision", "APPROVED").add("comment",
                "Approved by the EAR smoke test on a throwaway installation.").build().toString();
        call("POST", "/api/bias-reports/" + report.getJsonNumber("id").longValue() + "/approval", compliance, approval,
                200);
        JsonObject active = call("POST", "/api/model-versions/" + version + "/activation", admin, null, 200)
                .asJsonObject();
        if (!"ACTIVE".equals(active.getString("state"))) {
            throw new AssertionError("activating " + version + " answered " + active);
        }
        return version;
    }

    private String newestValidatedVersion(String task, String token) {
        String newest = null;
        for (JsonValue value : call("GET", "/api/tasks/" + task + "/model-versions", token, null, 200).asJsonArray()) {
            JsonObject version = value.asJsonObject();
            if ("VALIDATED".equals(version.getString("state"))) {
                newest = version.getString("version");
            }
        }
        if (newest == null) {
            throw new AssertionError("task " + task + " has no VALIDATED model version to approve");
        }
        return newest;
    }

    private String token(String user, String password) {
        String form = "grant_type=password&client_id=" + API_CLIENT + "&client_secret=" + encode(apiClientSecret)
                + "&username=" + encode(user) + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token")).header(
                "Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token for " + user + ": " + response.statusCode());
        }
        return parse(response.body()).asJsonObject().getString("access_token");
    }

    private JsonStructure call(String method, String path, String token, String json, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.resolve(path)).header("Authorization", "Bearer "
                + token).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response
                    .body());
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    private static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
