package org.oncocds.portal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.OidcLogin;

/**
 * The realm's users through Keycloak's admin REST API, called with the server's own JAX-RS client (no Keycloak client
 * library in the WAR: its RESTEasy would clash with the server's Jersey) as the service account
 * {@code oncocds.user-admin.client-id}, whose token comes from the client-credentials grant. Only what the portal's
 * administrators need: list users with their portal roles, create a user with one role and a temporary password,
 * disable a user; and the realm's stored events, from which failed logins are imported
 * ({@code login.FailedLoginImport}).
 */
@ApplicationScoped
public class KeycloakUsers {

    static final List<String> PORTAL_ROLES = List.of("clinician", "compliance-officer", "admin");
    static final int MAX_USERS = 200;

    private String realmUri;
    private String clientId;
    private Optional<String> clientSecret;
    private Client client;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    protected KeycloakUsers() {
        // for the CDI proxy
    }

    @Inject
    public KeycloakUsers(OidcLogin login,
            @ConfigProperty(name = "oncocds.user-admin.client-id", defaultValue = "oncocds-user-admin") String clientId,
            @ConfigProperty(name = "oncocds.user-admin.client-secret") Optional<String> clientSecret) {
        this.realmUri = login.getProviderUri();
        this.clientId = clientId;
        this.clientSecret = clientSecret.filter(secret -> !secret.isBlank());
    }

    /** A user as the admin page shows it. */
    public record User(String id, String username, String email, boolean enabled, List<String> roles) {
    }

    /** Keycloak refused or could not be asked; the message says why (never a secret). */
    public static class UserAdministrationException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String field;

        public UserAdministrationException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public boolean configured() {
        return clientSecret.isPresent();
    }

    public List<User> list() {
        JsonArray users = array(admin("users").queryParam("max", MAX_USERS).queryParam("briefRepresentation", true)
                .request(MediaType.APPLICATION_JSON).header("Authorization", bearer()).get());
        List<User> result = new ArrayList<>();
        for (JsonValue value : users) {
            JsonObject user = value.asJsonObject();
            if (user.getString("username", "").startsWith("service-account-")) {
                continue;
            }
            String id = user.getString("id");
            List<String> roles = array(admin("users/" + id + "/role-mappings/realm").request(
                    MediaType.APPLICATION_JSON).header("Authorization", bearer()).get()).stream().map(role -> role
                            .asJsonObject().getString("name", ""))
                    .filter(PORTAL_ROLES::contains).sorted().toList();
            result.add(new User(id, user.getString("username", ""), user.getString("email", ""), user.getBoolean(
                    "enabled", false), roles));
        }
        return result;
    }

    /** Creates an enabled user with one portal role and a temporary password (changed at first login). */
    public User create(String username, String email, String role, String temporaryPassword) {
        JsonObject representation = PortalJson.object().add("username", username).add("enabled", true).add(
                "email", email == null ? "" : email).add("credentials",
                        PortalJson.array().add(PortalJson
                                .object().add("type", "password").add("value", temporaryPassword)
                                .add("temporary",
                                        true)))
                .build();
        String id;
        try (Response created = admin("users").request().header("Authorization", bearer()).post(Entity.json(
                representation.toString()))) {
            if (created.getStatus() == 409) {
                throw new UserAdministrationException("username", "a user with this user name or email exists");
            }
            if (created.getStatus() == 400) {
                throw new UserAdministrationException("password", "Keycloak refused the user: " + errorOf(created));
            }
            expect(created, 201);
            String location = created.getHeaderString("Location");
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        JsonObject roleRepresentation = object(admin("roles/" + role).request(MediaType.APPLICATION_JSON).header(
                "Authorization", bearer()).get());
        try (Response mapped = admin("users/" + id + "/role-mappings/realm").request().header("Authorization",
                bearer()).post(Entity.json(PortalJson.array().add(roleRepresentation).build().toString()))) {
            expect(mapped, 204);
        }
        return new User(id, username, email == null ? "" : email, true, List.of(role));
    }

    /** Disables the user: Keycloak refuses their logins and token refreshes from now on. */
    public void disable(String id) {
        try (Response updated = admin("users/" + id).request().header("Authorization", bearer())
                .put(Entity.json(PortalJson
                        .object().add("enabled", false).build().toString()))) {
            if (updated.getStatus() == 404) {
                throw new UserAdministrationException("id", "there is no such user");
            }
            expect(updated, 204);
        }
    }

    /** The user's name, for the record of a change. */
    public Optional<User> byId(String id) {
        try (Response found = admin("users/" + id).request(MediaType.APPLICATION_JSON).header("Authorization",
                bearer()).get()) {
            if (found.getStatus() == 404) {
                return Optional.empty();
            }
            JsonObject user = parse(expect(found, 200).readEntity(String.class)).asJsonObject();
            return Optional.of(new User(id, user.getString("username", ""), user.getString("email", ""), user
                    .getBoolean("enabled", false), List.of()));
        }
    }

    /**
     * One page of the realm's stored events of one type from the day {@code from} (UTC; Keycloak filters by day),
     * newest first, as Keycloak's admin REST API gives them. The service account needs the realm-management role
     * {@code view-events}.
     */
    public JsonArray events(String type, LocalDate from, int first, int max) {
        jakarta.ws.rs.client.WebTarget events = admin("events").queryParam("type", type).queryParam("first", first)
                .queryParam("max", max);
        if (from != null) {
            events = events.queryParam("dateFrom", from.toString());
        }
        return array(events.request(MediaType.APPLICATION_JSON).header("Authorization", bearer()).get());
    }

    private jakarta.ws.rs.client.WebTarget admin(String path) {
        return client().target(adminUri()).path(path);
    }

    /** {@code http://host/realms/oncology} becomes {@code http://host/admin/realms/oncology}. */
    String adminUri() {
        int realms = realmUri.lastIndexOf("/realms/");
        return realmUri.substring(0, realms) + "/admin" + realmUri.substring(realms);
    }

    private synchronized String bearer() {
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            String secret = clientSecret.orElseThrow(() -> new UserAdministrationException("configuration",
                    "user administration is not configured (oncocds.user-admin.client-secret)"));
            Form form = new Form().param("grant_type", "client_credentials").param("client_id", clientId).param(
                    "client_secret", secret);
            try (Response granted = client().target(realmUri + "/protocol/openid-connect/token").request(
                    MediaType.APPLICATION_JSON).post(Entity.form(form))) {
                JsonObject answer = parse(expect(granted, 200).readEntity(String.class)).asJsonObject();
                token = answer.getString("access_token");
                tokenExpires = Instant.now().plus(Duration.ofSeconds(Math.max(0, answer.getInt("expires_in", 60)
                        - 30)));
            }
        }
        return "Bearer " + token;
    }

    private synchronized Client client() {
        if (client == null) {
            client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS)
                    .build();
        }
        return client;
    }

    private static JsonArray array(Response response) {
        try (response) {
            return parse(expect(response, 200).readEntity(String.class)).asJsonArray();
        }
    }

    private static JsonObject object(Response response) {
        try (response) {
            if (response.getStatus() == 404) {
                throw new UserAdministrationException("role", "the realm has no such role");
            }
            return parse(expect(response, 200).readEntity(String.class)).asJsonObject();
        }
    }

    private static Response expect(Response response, int status) {
        if (response.getStatus() != status) {
            throw new UserAdministrationException("keycloak", "Keycloak answered " + response.getStatus()
                    + " where " + status + " was expected: " + errorOf(response));
        }
        return response;
    }

    static String errorOf(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonObject error = parse(body).asJsonObject();
            return error.getString("errorMessage", error.getString("error_description", error.getString("error",
                    "")));
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    static JsonValue parse(String json) {
        try (JsonReader reader = PortalJson.reader(new StringReader(json))) {
            return reader.readValue();
        } catch (ProcessingException | jakarta.json.JsonException e) {
            throw new UserAdministrationException("keycloak", "Keycloak's answer could not be read");
        }
    }
}
