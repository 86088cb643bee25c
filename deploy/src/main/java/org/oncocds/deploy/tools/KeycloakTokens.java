package org.oncocds.deploy.tools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the realm's token endpoint, as a script or an automation client gets them: the password grant of
 * the API client (a user's own token, with the user's roles) or the client-credentials grant of a service account.
 */
public final class KeycloakTokens {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI tokenEndpoint;

    /** @param realmUri the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/oncology} */
    public KeycloakTokens(URI realmUri) {
        this.tokenEndpoint = URI.create(realmUri + "/protocol/openid-connect/token");
    }

    /** A user's access token through the direct access grant of a confidential client. */
    public String passwordGrant(String clientId, String clientSecret, String userName, String password)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("username", userName);
        form.put("password", password);
        return accessToken(form, "user " + userName);
    }

    /** A service account's access token (client-credentials grant). */
    public String clientCredentials(String clientId, String clientSecret) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return accessToken(form, "client " + clientId);
    }

    private String accessToken(Map<String, String> form, String who) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT).header(
                "Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonObject answer = parse(response.body());
        if (response.statusCode() != 200 || !(answer.get("access_token") instanceof JsonString token)) {
            // Keycloak's error and description name the reason (e.g. invalid_grant: Invalid user credentials).
            throw new IOException("Keycloak refused a token for " + who + ": HTTP " + response.statusCode() + " "
                    + answer.getString("error", "") + " " + answer.getString("error_description", ""));
        }
        return token.getString();
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException notJson) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
