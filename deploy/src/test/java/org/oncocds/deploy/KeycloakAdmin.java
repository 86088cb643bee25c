package org.oncocds.deploy;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.oncocds.deploy.load.RenewedToken;
import org.oncocds.deploy.tools.KeycloakTokens;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.json.TypeToken;

/**
 * Reads the started Keycloak's configuration through its admin REST API, as the bootstrap administrator start.sh
 * created (password from the data directory's secrets file), to check what the realm import produced.
 */
final class KeycloakAdmin {

    private static final Json JSON = new Json();
    private static final java.lang.reflect.Type OBJECT = new TypeToken<Map<String, Object>>() {
    }.getType();
    private static final java.lang.reflect.Type OBJECTS = new TypeToken<List<Map<String, Object>>>() {
    }.getType();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String accessToken;

    private KeycloakAdmin(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    static KeycloakAdmin signIn(E2eSettings settings) throws IOException, InterruptedException {
        String baseUrl = "http://127.0.0.1:" + settings.keycloakPort();
        String password = secrets(settings.dataDir()).getProperty("keycloak.admin.password");
        String form = "grant_type=password&client_id=admin-cli&username=keycloak-admin&password=" + URLEncoder.encode(
                password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/realms/master/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30)).header(
                        "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("The Keycloak administrator cannot sign in: HTTP " + response.statusCode());
        }
        Map<String, Object> token = JSON.toType(response.body(), OBJECT);
        return new KeycloakAdmin(baseUrl, (String) token.get("access_token"));
    }

    /** The bootstrap administrator's token: a valid token of another realm (master), for the API to refuse. */
    String accessToken() {
        return accessToken;
    }

    static Properties secrets(Path dataDir) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
            secrets.load(reader);
        }
        return secrets;
    }

    /** The demo user's access token for the REST API (password grant of the client oncocds-api). */
    static String apiToken(E2eSettings settings, DemoUser user) throws IOException, InterruptedException {
        return new KeycloakTokens(URI.create(settings.realmUri())).passwordGrant("oncocds-api", secrets(settings
                .dataDir()).getProperty("oncocds.api.client-secret"), user.userName(), user.password());
    }

    /** The demo user's API access token, asked for again before it expires (for load that runs longer than 5 min). */
    static RenewedToken renewedApiToken(E2eSettings settings, DemoUser user) throws IOException {
        return new RenewedToken(new KeycloakTokens(URI.create(settings.realmUri())), secrets(settings.dataDir())
                .getProperty("oncocds.api.client-secret"), user.userName(), user.password());
    }

    /** The claims of an access token (its payload; the signature is the portal's to check). */
    static Map<String, Object> claims(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return JSON.toType(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8), OBJECT);
    }

    /** The realm-management roles of the user-administration client's service account, sorted by name. */
    List<String> userAdministrationRoles() throws IOException, InterruptedException {
        Map<String, Object> client = list("/oncology/clients?clientId=oncocds-user-admin").get(0);
        Map<String, Object> serviceAccount = object("/oncology/clients/" + client.get("id") + "/service-account-user");
        Map<String, Object> realmManagement = list("/oncology/clients?clientId=realm-management").get(0);
        return list("/oncology/users/" + serviceAccount.get("id") + "/role-mappings/clients/" + realmManagement.get(
                "id")).stream().map(role -> (String) role.get("name")).sorted().toList();
    }

    void delete(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(path).DELETE().build(), HttpResponse.BodyHandlers
                .ofString());
        if (response.statusCode() != 204) {
            throw new AssertionError("DELETE /admin/realms" + path + " answered HTTP " + response.statusCode());
        }
    }

    /** PUTs a JSON representation (e.g. to put the realm back to an older revision's settings). */
    void put(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(path).header("Content-Type", "application/json").PUT(
                HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new AssertionError("PUT /admin/realms" + path + " answered HTTP " + response.statusCode());
        }
    }

    Map<String, Object> object(String path) throws IOException, InterruptedException {
        return JSON.toType(get(path), OBJECT);
    }

    List<Map<String, Object>> list(String path) throws IOException, InterruptedException {
        return JSON.toType(get(path), OBJECTS);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /admin/realms" + path + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken);
    }
}
