package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.oncocds.audit.control.ChainAppends;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;

/**
 * On PostgreSQL the application's database role can append audit records but cannot change or remove them, nor move
 * the chain head back, whatever SQL it sends: what docs/audit-trail.md promises. And a second server on the same
 * database (here: a connection of the application's role outside this server, appending as another server's writer
 * does) is serialized with this server's writer by the chain head's row lock: no fork, no gap. Runs only in the
 * PostgreSQL run.
 */
@ExtendWith(ArquillianExtension.class)
class AuditRowsOnPostgresIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String RAISED_BY_TRIGGER = "P0001";
    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("audit-postgres-it.war");
    }

    @EJB
    ClinicianSession clinician;

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @Inject
    PatientPseudonyms pseudonyms;

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Test
    void applicationRoleCannotUpdateDeleteOrTruncateAuditRecords() throws Exception {
        AuditReceipt receipt = clinician.record(event());
        try (Connection application = dataSource.getConnection()) {
            assertEquals("PostgreSQL", application.getMetaData().getDatabaseProductName());
            assertEquals("oncocds_app", application.getMetaData().getUserName());

            assertRefused(INSUFFICIENT_PRIVILEGE, application,
                    "UPDATE audit_record SET outputs_json = '{}' WHERE id = " + receipt.recordId());
            assertRefused(INSUFFICIENT_PRIVILEGE, application,
                    "DELETE FROM audit_record WHERE id = " + receipt.recordId());
            assertRefused(INSUFFICIENT_PRIVILEGE, application, "TRUNCATE audit_record");
            assertEquals(1, count(application, "SELECT count(*) FROM audit_record WHERE id = " + receipt.recordId()),
                    "the application may still read its records");
        }
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void applicationRoleCannotDeleteOrMoveBackTheChainHead() throws Exception {
        clinician.record(event());
        try (Connection application = dataSource.getConnection()) {
            assertRefused(INSUFFICIENT_PRIVILEGE, application, "DELETE FROM audit_chain_head");
            SQLException movedBack = assertRefused(RAISED_BY_TRIGGER, application,
                    "UPDATE audit_chain_head SET sequence_number = sequence_number - 1");
            assertTrue(movedBack.getMessage().contains("only moves forward"), movedBack.getMessage());
            assertRefused(INSUFFICIENT_PRIVILEGE, application, "UPDATE audit_chain_head SET id = 2");
        }
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void theOwnerCanChangeRowsSoTheRefusalsAboveAreTheRolesDoing() throws Exception {
        AuditReceipt receipt = clinician.record(event());
        try (Connection owner = DatabaseAdministrator.connection(dataSource); Statement sql = owner.createStatement()) {
            assertEquals("oncocds_owner", owner.getMetaData().getUserName());
            assertEquals(1, sql.executeUpdate("UPDATE audit_record SET request_id = request_id WHERE id = "
                    + receipt.recordId()));
        }
    }

    @Test
    void anotherServersAppendAndThisServersWriterAreSerializedByTheHeadLock() throws Exception {
        try (Connection otherServer = DriverManager.getConnection(System.getProperty("oncocds.db.url"), System
                .getProperty("oncocds.db.user"), System.getProperty("oncocds.db.password"))) {
            otherServer.setAutoCommit(false);
            ChainHead head = lockHead(otherServer);
            long othersSequence = head.getSequenceNumber() + 1;

            // This server's writer now needs the head's row lock, which the other server holds.
            CompletableFuture<AuditReceipt> ours = new CompletableFuture<>();
            threads.newThread(() -> {
                try {
                    ours.complete(clinician.record(event()));
                } catch (Throwable e) {
                    ours.completeExceptionally(e);
                }
            }).start();
            awaitABackendBlockedBy(otherServer);

            AuditRecord others = AuditRecord.recommendation(head, ChainAppends.configuredSeal()::sealOf, Instant.now(),
                    new AuditRecord.Actor("it-other-server", "clinician"), pseudonyms.pseudonymOf("MRN-OTHER"),
                    "colon-recurrence-5y", "colon-recurrence-5y@1", MODEL_SHA256, "{}", "{}", UUID.randomUUID()
                            .toString());
            appendAsAnotherServer(otherServer, others);
            otherServer.commit();

            AuditReceipt receipt = ours.get(60, TimeUnit.SECONDS);
            try (Connection application = dataSource.getConnection()) {
                assertEquals(othersSequence + 1, count(application, "SELECT sequence_number FROM audit_record "
                        + "WHERE id = " + receipt.recordId()), "this server's record follows the other server's");
            }
        }
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    private static ChainHead lockHead(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(
                        "SELECT sequence_number, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
            row.next();
            return ChainHead.at(row.getLong(1), row.getString(2));
        }
    }

    /** Waits (bounded) until some backend waits for a lock the given connection holds. */
    private static void awaitABackendBlockedBy(Connection holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (PreparedStatement blocked = holder.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")) {
            while (true) {
                try (ResultSet row = blocked.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "this server's writer never waited for the head's lock");
                Thread.sleep(20);
            }
        }
    }

    /** What another server's writer does under the head's lock: insert the next record, move the head. */
    private static void appendAsAnotherServer(Connection connection, AuditRecord r) throws SQLException {
        long id = count(connection, "SELECT nextval('audit_record_seq')");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record (id, sequence_number, "
                + "previous_hash, hash, seal, recorded_at_epoch_micros, kind, actor_name, actor_roles, "
                + "patient_pseudonym, task_id, model_version, model_sha256, inputs_json, outputs_json, request_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {id, r.getSequenceNumber(), r.getPreviousHash(), r.getHash(), r.getSeal(), r
                    .getRecordedAtEpochMicros(), r.getKind().name(), r.getActorName(), r.getActorRoles(),
                    r
                            .getPatientPseudonym(),
                    r.getTaskId(), r.getModelVersion(), r.getModelSha256(), r
                            .getInputsJson(),
                    r.getOutputsJson(), r.getRequestId()};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            assertEquals(1, insert.executeUpdate());
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE audit_chain_head SET sequence_number = ?, hash = ? WHERE id = 1")) {
            move.setLong(1, r.getSequenceNumber());
            move.setString(2, r.getHash());
            assertEquals(1, move.executeUpdate());
        }
    }

    private static SQLException assertRefused(String sqlState, Connection connection, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        }, statement);
        assertEquals(sqlState, refused.getSQLState(), () -> statement + ": " + refused.getMessage());
        return refused;
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private RecommendationEvent event() {
        return new RecommendationEvent(UUID.randomUUID().toString(), "colon-recurrence-5y",
                pseudonyms.pseudonymOf("MRN-PG-" + UUID.randomUUID()), "colon-recurrence-5y@1", MODEL_SHA256, "{}",
                "{\"risks\":{\"Obs\":0.42}}");
    }
}
