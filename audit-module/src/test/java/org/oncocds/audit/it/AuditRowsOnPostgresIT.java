package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
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
 * the chain head back, whatever SQL it sends: what docs/audit-trail.md promises. Runs only in the PostgreSQL run.
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
