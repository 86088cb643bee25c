package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.audit.boundary.ScheduledChainVerification;

/**
 * The container verifies the chain and signs a checkpoint on its own: nobody calls a verification here. The deployment
 * sets the interval to one minute (its own configuration file, ordinal above the module's), so the first scheduled run
 * is one minute after deployment.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledCheckpointIT {

    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** The scheduled run is one interval (one minute) after deployment; three intervals leave room on a busy machine. */
    private static final Duration WAIT_FOR_THE_TIMER = Duration.ofMinutes(3);

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("scheduled-checkpoint-it.war")
                .addAsResource(new StringAsset("config_ordinal=300\noncocds.audit.checkpoint-interval-minutes=1\n"),
                        "META-INF/microprofile-config.properties");
    }

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @EJB
    ChainInspector chain;

    @EJB
    ClinicianSession clinician;

    @Inject
    PatientPseudonyms pseudonyms;

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @Test
    @Order(1)
    void theTimerRecordsAVerificationWithASignedCheckpointWithoutAnyoneAsking() throws InterruptedException {
        Instant started = Instant.now();
        AuditEntry run = scheduledRun(e -> e.recordedAt().isAfter(started));

        ChainInspector.Stored stored = chain.stored(run.id());
        assertEquals("GOVERNANCE", stored.kind());
        assertEquals("CHAIN_VERIFIED", stored.action());
        assertEquals(ScheduledChainVerification.SYSTEM_ACTOR, stored.actorName());
        assertEquals("", Optional.ofNullable(stored.actorRoles()).orElse(""), "a system run holds no user's role");
        assertTrue(stored.detailsJson().contains("\"intact\":\"true\""), stored.detailsJson());
        assertTrue(stored.detailsJson().contains("\"checkpoint\":"), stored.detailsJson());

        ChainCheckpoint checkpoint = complianceOfficer.latestCheckpoint().orElseThrow(
                () -> new AssertionError("the scheduled run left no checkpoint"));
        assertTrue(checkpoint.takenAt().isAfter(started), "the latest checkpoint is from this run of the test");
        assertTrue(complianceOfficer.latest(500).stream().anyMatch(e -> ScheduledChainVerification.SYSTEM_ACTOR.equals(
                e.actorName()) && e.inputsJson().contains(checkpoint.signature())),
                "the latest checkpoint is the timer's");
        ChainVerification last = complianceOfficer.lastVerification().orElseThrow();
        assertTrue(last.intact());

        // The checkpoint is a real one: signed under the seal key and vouching for a record the chain holds.
        ChainVerification against = complianceOfficer.verifyChainAgainst(checkpoint);
        assertTrue(against.intact(), () -> "problem: " + against.problem());
    }

    @Test
    @Order(2)
    void aBrokenChainFoundByTheTimerIsRecordedAndLoggedAsSevereNamingTheFirstBrokenRecord() throws Exception {
        long tampered = clinician.record(new RecommendationEvent(UUID.randomUUID().toString(), "colon-recurrence-5y",
                pseudonyms.pseudonymOf("MRN-T001"), "colon-recurrence-5y@1", MODEL_SHA256, "{\"age\":61}",
                "{\"risks\":{\"Obs\":0.42}}")).recordId();
        List<LogRecord> severe = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    severe.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger timerLog = Logger.getLogger(ScheduledChainVerification.class.getName());
        timerLog.addHandler(capture);
        String original = outputsOf(tampered);
        setOutputs(tampered, "{\"risks\":{\"Obs\":0.01}}");
        Instant changedAt = Instant.now();
        try {
            AuditEntry run = scheduledRun(e -> e.recordedAt().isAfter(changedAt) && e.inputsJson().contains(
                    "\"intact\":\"false\""));

            ChainInspector.Stored stored = chain.stored(run.id());
            assertEquals("CHAIN_VERIFIED", stored.action());
            assertTrue(stored.detailsJson().contains("\"intact\":\"false\""), stored.detailsJson());
            assertTrue(stored.detailsJson().contains("\"brokenRecordId\":\"" + tampered + "\""), stored.detailsJson());
            assertTrue(!stored.detailsJson().contains("\"checkpoint\":"), "no checkpoint of a broken chain");
            assertTrue(severe.stream().anyMatch(r -> r.getMessage().contains("AUDIT CHAIN BROKEN") && r.getMessage()
                    .contains("record id " + tampered + " ")), () -> "SEVERE lines: " + severe.stream()
                            .map(LogRecord::getMessage)
                            .toList());
            assertEquals(false, complianceOfficer.lastVerification().orElseThrow().intact());
        } finally {
            timerLog.removeHandler(capture);
            setOutputs(tampered, original);
        }
        assertTrue(complianceOfficer.verifyChain().intact(), "the chain is intact again once the row is restored");
    }

    /**
     * Waits for the container's timer (it runs on its own schedule; there is nothing to call) to record a run that
     * matches. Fails naming the wait when none was recorded in time.
     */
    private AuditEntry scheduledRun(Predicate<AuditEntry> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_THE_TIMER);
        while (Instant.now().isBefore(deadline)) {
            List<AuditEntry> runs = complianceOfficer.latest(500)
                    .stream()
                    .filter(e -> ScheduledChainVerification.SYSTEM_ACTOR.equals(e.actorName()))
                    .filter(wanted)
                    .toList();
            if (!runs.isEmpty()) {
                return runs.get(0);
            }
            Thread.sleep(1_000);
        }
        return fail("no scheduled chain verification was recorded within " + WAIT_FOR_THE_TIMER);
    }

    private String outputsOf(long recordId) throws Exception {
        try (Connection connection = DatabaseAdministrator.connection(dataSource);
                PreparedStatement select = connection.prepareStatement(
                        "SELECT OUTPUTS_JSON FROM AUDIT_RECORD WHERE ID = ?")) {
            select.setLong(1, recordId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private void setOutputs(long recordId, String outputsJson) throws Exception {
        try (Connection connection = DatabaseAdministrator.connection(dataSource);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE AUDIT_RECORD SET OUTPUTS_JSON = ? WHERE ID = ?")) {
            update.setString(1, outputsJson);
            update.setLong(2, recordId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
