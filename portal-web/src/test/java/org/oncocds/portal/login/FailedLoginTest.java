package org.oncocds.portal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.portal.json.PortalJson;

/** Keycloak's LOGIN_ERROR event as the audit trail keeps it: who, why, which client, when, from where; nothing else. */
class FailedLoginTest {

    /** As Keycloak 26's admin REST API answers {@code GET /admin/realms/oncology/events?type=LOGIN_ERROR}. */
    static final String EVENT = """
            {"id":"3f1c2a9e-5b7d-4c1e-9a8f-0d2e4b6c8a10","time":1764057600123,"type":"LOGIN_ERROR",
             "realmId":"oncology","clientId":"oncocds-portal","userId":"8d9e","sessionId":"s-1",
             "ipAddress":"127.0.0.1","error":"invalid_user_credentials",
             "details":{"auth_method":"openid-connect","auth_type":"code","redirect_uri":"http://127.0.0.1:28080/callback",
                        "code_id":"c-42","username":"clinician"}}""";

    @Test
    void theEventBecomesALoginFailedRecordAboutTheUserTried() {
        FailedLogin login = FailedLogin.of(json(EVENT));

        assertEquals("keycloak-event:3f1c2a9e-5b7d-4c1e-9a8f-0d2e4b6c8a10", login.externalId());
        assertEquals(Instant.ofEpochMilli(1764057600123L), login.time());
        GovernanceEvent event = login.governanceEvent();
        assertEquals(GovernanceAction.LOGIN_FAILED, event.action());
        assertEquals("user clinician", event.subject());
        assertEquals(Map.of("attemptedUser", "clinician", "error", "invalid_user_credentials", "client",
                "oncocds-portal", "keycloakTime", "2025-11-25T08:00:00.123Z", "ipAddress", "127.0.0.1"),
                event
                        .details());
    }

    @Test
    void keycloaksOtherDetailsOfTheAttemptAreLeftOut() {
        String details = FailedLogin.of(json(EVENT)).governanceEvent().details().toString();

        assertFalse(details.contains("c-42"), details);
        assertFalse(details.contains("redirect_uri"), details);
        assertFalse(details.contains("s-1"), details);
    }

    @Test
    void missingPartsAreNamedAndAnEventWithoutIdGetsAStableOne() {
        String bare = "{\"time\":1764057600000,\"type\":\"LOGIN_ERROR\"}";

        FailedLogin login = FailedLogin.of(json(bare));

        assertEquals(FailedLogin.UNKNOWN_ACCOUNT, login.attemptedUser());
        assertEquals("unknown", login.error());
        assertEquals("", login.ipAddress());
        assertEquals(64, login.eventId().length());
        assertEquals(login.eventId(), FailedLogin.of(json(bare)).eventId());
        assertTrue(login.governanceEvent().details().values().stream().allMatch(value -> value != null));
    }

    @Test
    void aLongUserNameIsCutAndAnEventWithoutTimeRefused() {
        String typed = "x".repeat(5000);
        FailedLogin login = FailedLogin
                .of(json("{\"id\":\"e\",\"time\":1,\"userId\":\"8d9e\",\"details\":{\"username\":\"" + typed
                        + "\"}}"));

        assertEquals(FailedLogin.MAX_VALUE, login.attemptedUser().length());
        assertTrue(login.governanceEvent().subject().length() <= 255);
        assertThrows(IllegalArgumentException.class, () -> FailedLogin.of(json("{\"id\":\"e\"}")));
    }

    @Test
    void textThatMatchedNoAccountIsNotRecordedForItMayBeAPassword() {
        String typedPassword = "Tr0ub4dor&3";
        FailedLogin login = FailedLogin.of(json("{\"id\":\"e2\",\"time\":1764057600123,\"type\":\"LOGIN_ERROR\","
                + "\"clientId\":\"oncocds-portal\",\"ipAddress\":\"127.0.0.1\",\"error\":\"user_not_found\","
                + "\"details\":{\"username\":\"" + typedPassword + "\"}}"));

        GovernanceEvent event = login.governanceEvent();
        assertEquals("user " + FailedLogin.UNKNOWN_ACCOUNT, event.subject());
        assertEquals(FailedLogin.UNKNOWN_ACCOUNT, event.details().get("attemptedUser"));
        assertEquals("user_not_found", event.details().get("error"));
        assertFalse(event.toString().contains(typedPassword), event.toString());
    }

    static JsonObject json(String text) {
        return PortalJson.reader(new StringReader(text)).readObject();
    }
}
