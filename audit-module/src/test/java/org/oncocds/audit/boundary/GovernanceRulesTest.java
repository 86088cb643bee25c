package org.oncocds.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GovernanceRulesTest {

    private static GovernanceRefusedException refused(GovernanceEvent event) {
        return assertThrows(GovernanceRefusedException.class, () -> GovernanceRules.check(event));
    }

    @Test
    void detailsBecomeCanonicalJsonWithSortedKeys() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("to", "ACTIVE");
        details.put("from", "APPROVED");
        details.put("note", "line\n\"quoted\"");
        GovernanceRules.Checked checked = GovernanceRules.check(new GovernanceEvent("req-1",
                GovernanceAction.MODEL_STATE_CHANGED, "model colon-recurrence-5y/2", details));

        assertEquals("{\"from\":\"APPROVED\",\"note\":\"line\\n\\\"quoted\\\"\",\"to\":\"ACTIVE\"}",
                checked.detailsJson());
        assertEquals("req-1", checked.requestId());
    }

    @Test
    void missingDetailsAreAnEmptyObjectAndAMissingRequestIdIsGenerated() {
        GovernanceRules.Checked checked = GovernanceRules.check(new GovernanceEvent(null, GovernanceAction.LOGOUT,
                "user jdoe", null));
        assertEquals("{}", checked.detailsJson());
        assertFalse(checked.requestId().isBlank());
    }

    @Test
    void actionAndSubjectAreRequired() {
        assertEquals("event", refused(null).field());
        assertEquals("action", refused(new GovernanceEvent("r", null, "user jdoe", Map.of())).field());
        assertEquals("subject", refused(new GovernanceEvent("r", GovernanceAction.LOGIN, " ", Map.of())).field());
        assertEquals("subject", refused(new GovernanceEvent("r", GovernanceAction.LOGIN, null, Map.of())).field());
    }

    @Test
    void lengthsAreBoundedAndTheMessageNeverRepeatsTheValue() {
        String longSubject = "s".repeat(GovernanceRules.MAX_SUBJECT_LENGTH + 1);
        GovernanceRefusedException subject = refused(new GovernanceEvent("r", GovernanceAction.LOGIN, longSubject,
                Map.of()));
        assertEquals("subject is longer than 255 characters", subject.getMessage());
        assertEquals("requestId", refused(new GovernanceEvent("r".repeat(129), GovernanceAction.LOGIN, "user jdoe",
                Map.of())).field());

        String secret = "v".repeat(GovernanceRules.MAX_DETAIL_VALUE_LENGTH + 1);
        GovernanceRefusedException value = refused(new GovernanceEvent("r", GovernanceAction.LOGIN, "user jdoe",
                Map.of("k", secret)));
        assertEquals("details", value.field());
        assertFalse(value.getMessage().contains(secret));
        assertEquals("details", refused(new GovernanceEvent("r", GovernanceAction.LOGIN, "user jdoe",
                Map.of("k".repeat(65), "v"))).field());
        assertEquals("details", refused(new GovernanceEvent("r", GovernanceAction.LOGIN, "user jdoe",
                Map.of(" ", "v"))).field());
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertEquals("details", refused(new GovernanceEvent("r", GovernanceAction.LOGIN, "user jdoe", nullValue))
                .field());
        Map<String, String> tooMany = IntStream.rangeClosed(0, GovernanceRules.MAX_DETAILS)
                .boxed()
                .collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        assertEquals("details", refused(new GovernanceEvent("r", GovernanceAction.LOGIN, "user jdoe", tooMany))
                .field());
    }

    @Test
    void anExternalEventKeepsItsIdAndTimeInTheDetails() {
        GovernanceRules.Checked checked = GovernanceRules.checkExternal("keycloak-event:42", java.time.Instant.parse(
                "2026-11-25T08:00:00Z"),
                new GovernanceEvent("req-1", GovernanceAction.LOGIN_FAILED, "user jdoe", Map
                        .of("attemptedUser", "jdoe")));
        assertEquals("{\"attemptedUser\":\"jdoe\",\"externalEventId\":\"keycloak-event:42\","
                + "\"externalEventTime\":\"2026-11-25T08:00:00Z\"}", checked.detailsJson());
        assertEquals("{\"externalEventId\":\"keycloak-event:42\"}", GovernanceRules.checkExternal(
                "keycloak-event:42", null, new GovernanceEvent(null, GovernanceAction.LOGIN_FAILED, "user jdoe", null))
                .detailsJson());
    }

    @Test
    void anExternalEventMayNotSetTheKeysRecordOnceAdds() {
        GovernanceRefusedException refused = assertThrows(GovernanceRefusedException.class, () -> GovernanceRules
                .checkExternal("keycloak-event:42", null, new GovernanceEvent(null, GovernanceAction.LOGIN_FAILED,
                        "user jdoe", Map.of("externalEventTime", "yesterday"))));
        assertEquals("details", refused.field());
    }

    @Test
    void anExternalIdMustBePresentShortAndUnpadded() {
        for (String bad : new String[]{null, " ", "x".repeat(256), " keycloak-event:42"}) {
            GovernanceRefusedException refused = assertThrows(GovernanceRefusedException.class,
                    () -> GovernanceRules.checkExternalId(bad, "externalEventId"));
            assertEquals("externalEventId", refused.field());
        }
        assertEquals("keycloak-event:42", GovernanceRules.checkExternalId("keycloak-event:42", "externalEventId"));
    }
}
