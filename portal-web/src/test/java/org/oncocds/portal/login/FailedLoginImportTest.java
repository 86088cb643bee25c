package org.oncocds.portal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.ProcessingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.audit.boundary.GovernanceRefusedException;
import org.oncocds.portal.admin.KeycloakUsers;
import org.oncocds.portal.json.PortalJson;

/** The import records each of Keycloak's failed logins once, oldest first, and never skips one it could not record. */
class FailedLoginImportTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    /** Keycloak's events, newest first as its API gives them. */
    private final List<String> keycloakEvents = new ArrayList<>();
    private final List<LocalDate> askedFrom = new ArrayList<>();
    private boolean keycloakDown;

    /** The audit trail: external id to source time, in the order recorded. */
    private final Map<String, Instant> trail = new LinkedHashMap<>();
    private final List<String> offered = new ArrayList<>();
    private String failOn;
    private String refuse;

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final FailedLoginImport importer = new FailedLoginImport();

    @BeforeEach
    void wire() {
        Logger.getLogger(FailedLoginImport.class.getName()).addHandler(capture);
        importer.keycloak = new KeycloakUsers() {
            @Override
            public JsonArray events(String type, LocalDate from, int first, int max) {
                assertEquals("LOGIN_ERROR", type);
                if (keycloakDown) {
                    throw new ProcessingException("java.net.ConnectException: Connection refused");
                }
                askedFrom.add(from);
                JsonArrayBuilder page = PortalJson.array();
                keycloakEvents.stream().skip(first).limit(max).forEach(event -> page.add(FailedLoginTest.json(
                        event)));
                return page.build();
            }
        };
        importer.governance = new GovernanceLog() {
            @Override
            public Optional<AuditReceipt> recordOnce(String externalEventId, Instant occurredAt,
                    GovernanceEvent event) {
                offered.add(externalEventId);
                if (externalEventId.equals(failOn)) {
                    throw new IllegalStateException("the database is not reachable");
                }
                if (externalEventId.equals(refuse)) {
                    throw new GovernanceRefusedException("details", "a value is too long");
                }
                if (trail.containsKey(externalEventId)) {
                    return Optional.empty();
                }
                trail.put(externalEventId, occurredAt);
                return Optional.of(new AuditReceipt(trail.size(), Instant.now()));
            }

            @Override
            public Optional<Instant> latestExternalEventTime(String prefix) {
                assertEquals("keycloak-event:", prefix);
                return trail.values().stream().max(Instant::compareTo);
            }
        };
    }

    @AfterEach
    void unwire() {
        Logger.getLogger(FailedLoginImport.class.getName()).removeHandler(capture);
    }

    @Test
    void everyFailedLoginIsRecordedOnceOldestFirst() {
        keycloak("c", 30, "b", 20, "a", 10);

        assertEquals(3, importer.importOnce());
        assertEquals(List.of("keycloak-event:a", "keycloak-event:b", "keycloak-event:c"), List.copyOf(trail
                .keySet()));
        assertEquals(0, importer.importOnce());
        assertEquals(3, trail.size());
        assertEquals(3, offered.size(), "this server offers an event once");
    }

    @Test
    void aRunResumesFromTheNewestRecordedEventLessTheOverlap() {
        keycloak("e", 1000, "b", 20, "a", 10);
        importer.importOnce();
        keycloak("d", 4000, "c", 3500, "e", 1000, "b", 20, "a", 10);
        offered.clear();
        askedFrom.clear();

        FailedLoginImport restarted = new FailedLoginImport();
        restarted.keycloak = importer.keycloak;
        restarted.governance = importer.governance;
        assertEquals(2, restarted.importOnce());

        assertEquals(List.of("keycloak-event:e", "keycloak-event:c", "keycloak-event:d"), offered,
                "only events within the overlap before the newest recorded one are offered again");
        assertEquals(LocalDate.of(2026, 11, 24), askedFrom.get(0));
    }

    @Test
    void eventsRecordedByAnotherServerAreNotRecordedAgain() {
        keycloak("a", 10);
        trail.put("keycloak-event:a", T0.plusSeconds(10));

        assertEquals(0, importer.importOnce());
        assertEquals(1, trail.size());
    }

    @Test
    void anUnreachableKeycloakIsAWarningOncePerOutageAndNothingIsLost() {
        keycloak("a", 10);
        keycloakDown = true;

        assertEquals(0, importer.importOnce());
        assertEquals(0, importer.importOnce());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("Connection refused"));

        keycloakDown = false;
        assertEquals(1, importer.importOnce());
        assertEquals(List.of("keycloak-event:a"), List.copyOf(trail.keySet()));
    }

    @Test
    void aRecordThatCannotBeWrittenStopsTheRunAndIsWrittenNextTime() {
        keycloak("c", 30, "b", 20, "a", 10);
        failOn = "keycloak-event:b";

        assertEquals(1, importer.importOnce());
        assertEquals(List.of("keycloak-event:a"), List.copyOf(trail.keySet()), "c waits behind b");
        assertEquals(1, warnings.size());

        failOn = null;
        assertEquals(2, importer.importOnce());
        assertEquals(List.of("keycloak-event:a", "keycloak-event:b", "keycloak-event:c"), List.copyOf(trail
                .keySet()));
    }

    @Test
    void anEventTheAuditTrailRefusesIsReportedAndTheOthersRecorded() {
        keycloak("c", 30, "b", 20, "a", 10);
        refuse = "keycloak-event:b";

        assertEquals(2, importer.importOnce());
        assertEquals(List.of("keycloak-event:a", "keycloak-event:c"), List.copyOf(trail.keySet()));
        assertTrue(warnings.get(0).getMessage().contains("details"), warnings.get(0).getMessage());
    }

    @Test
    void manyEventsAreReadPageByPage() {
        List<Object> many = new ArrayList<>();
        for (int i = 250; i > 0; i--) {
            many.add("e" + i);
            many.add(i);
        }
        keycloak(many.toArray());

        assertEquals(250, importer.importOnce());
        assertEquals(3, askedFrom.size());
    }

    @Test
    void theIntervalMustBeFiveSecondsToAnHour() {
        FailedLoginImport.checkInterval(5);
        FailedLoginImport.checkInterval(3600);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FailedLoginImport
                .checkInterval(4));
        assertTrue(refused.getMessage().contains("oncocds.keycloak-events.interval-seconds"));
        assertThrows(IllegalStateException.class, () -> FailedLoginImport.checkInterval(3601));
    }

    /** Keycloak holds these events: id, seconds after T0, ... (newest first). */
    private void keycloak(Object... idAndSeconds) {
        keycloakEvents.clear();
        for (int i = 0; i < idAndSeconds.length; i += 2) {
            keycloakEvents.add("{\"id\":\"" + idAndSeconds[i] + "\",\"time\":"
                    + T0.plusSeconds(((Number) idAndSeconds[i + 1]).longValue()).toEpochMilli()
                    + ",\"type\":\"LOGIN_ERROR\",\"clientId\":\"oncocds-portal\","
                    + "\"ipAddress\":\"127.0.0.1\",\"error\":\"invalid_user_credentials\","
                    + "\"details\":{\"username\":\"clinician\"}}");
        }
    }
}
