package org.oncocds.portal.login;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;

/**
 * A failed login as Keycloak recorded it (a {@code LOGIN_ERROR} event of its admin REST API) and as the audit trail
 * keeps it: who was tried, why it failed, through which client, when and from where. Only those: Keycloak's other
 * details of the attempt (redirect URI, code and session ids) are left out, and a failed login carries no password or
 * token.
 *
 * @param eventId
 *            Keycloak's id of the event; for a Keycloak that gives none, the SHA-256 of the event as given
 * @param time
 *            when Keycloak recorded it
 * @param attemptedUser
 *            the user name typed at Keycloak's login form when Keycloak matched it to an account (the event names the
 *            account's id); otherwise {@value #UNKNOWN_ACCOUNT}: text that matches no account is not kept, because
 *            people type their password into the user name field by mistake, and the audit trail must never hold
 *            a password
 * @param error
 *            Keycloak's reason, e.g. {@code invalid_user_credentials}, {@code user_not_found}, {@code user_disabled}
 * @param client
 *            the client the login was for, e.g. {@code oncocds-portal}
 * @param ipAddress
 *            the address the attempt came from, as Keycloak saw it
 */
public record FailedLogin(String eventId, Instant time, String attemptedUser, String error, String client,
        String ipAddress) {

    /** The prefix of every Keycloak event's id in the audit trail. */
    public static final String EXTERNAL_ID_PREFIX = "keycloak-event:";

    /** The attempted user of a failed login whose typed name matched no account (the text is not recorded). */
    public static final String UNKNOWN_ACCOUNT = "unknown account";

    /** What a detail value is cut to: the audit trail keeps at most 1,000 characters per value. */
    static final int MAX_VALUE = 200;

    /**
     * The failed login an event describes.
     *
     * @throws IllegalArgumentException
     *             when the event has no {@code time}
     */
    public static FailedLogin of(JsonObject event) {
        if (!(event.get("time") instanceof JsonNumber time)) {
            throw new IllegalArgumentException("a Keycloak event without its time");
        }
        JsonObject details = event.get("details") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
        String id = text(event, "id");
        return new FailedLogin(id.isEmpty() ? sha256(event.toString()) : cut(id), Instant.ofEpochMilli(time
                .longValue()), attemptedUser(event, details), orElse(cut(text(event, "error")), "unknown"),
                cut(text(event, "clientId")), cut(text(event, "ipAddress")));
    }

    /** The id the audit trail records the event under, so that it is recorded once. */
    public String externalId() {
        return EXTERNAL_ID_PREFIX + eventId;
    }

    /** The governance record: LOGIN_FAILED about the user tried, with the attempt's details. */
    public GovernanceEvent governanceEvent() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("attemptedUser", attemptedUser);
        details.put("error", error);
        details.put("client", client);
        details.put("keycloakTime", time.toString());
        details.put("ipAddress", ipAddress);
        return new GovernanceEvent(null, GovernanceAction.LOGIN_FAILED, "user " + attemptedUser, details);
    }

    /**
     * The typed user name only when Keycloak matched it to an account: for an unknown user ({@code user_not_found},
     * no {@code userId}) the text typed may be a mistyped password.
     */
    private static String attemptedUser(JsonObject event, JsonObject details) {
        boolean matchedAccount = !text(event, "userId").isEmpty() && !"user_not_found".equals(text(event, "error"));
        return matchedAccount ? orElse(cut(text(details, "username")), "unknown") : UNKNOWN_ACCOUNT;
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString value ? value.getString().strip() : "";
    }

    private static String cut(String value) {
        return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    }

    private static String orElse(String value, String otherwise) {
        return value.isEmpty() ? otherwise : value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
