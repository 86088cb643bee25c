package org.oncocds.fairness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.testing.LocalPostgres;
import org.oncocds.fairness.control.FairnessSchemaMigration;

/**
 * On PostgreSQL, set up as docs/fairness-metrics.md says (the owner applies the fairness migrations and
 * {@code db/fairness/postgresql/app-role-grants.sql}), the application's role can append and read stored reports,
 * verdict rows, sign-offs and outcomes, but whatever SQL it sends it cannot change or remove them; the owner can, so
 * the refusals come from the role. No application server: the statements are exactly those a stolen application
 * password allows.
 */
class FairnessRowsOnPostgresIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final List<String> TABLES = List.of("fairness_report", "fairness_report_verdict",
            "fairness_sign_off", "fairness_outcome");

    private static LocalPostgres postgres;

    @BeforeAll
    static void prepareTheDatabaseAsTheOwner() throws Exception {
        postgres = LocalPostgres.start("fairness");
        String migrated = FairnessSchemaMigration.migrate(dataSource(LocalPostgres.OWNER, postgres.ownerPassword()));
        assertTrue(migrated.contains("applied 1 fairness migration(s) on postgresql"), migrated);
        try (Connection owner = postgres.asOwner(); Statement sql = owner.createStatement()) {
            sql.execute(script("db/fairness/postgresql/app-role-grants.sql"));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theApplicationFindsTheSchemaCurrentAtStartupButCannotCreateTables() throws Exception {
        String atStartup = FairnessSchemaMigration.migrate(dataSource(LocalPostgres.APPLICATION_ROLE, postgres
                .applicationPassword()));
        assertTrue(atStartup.startsWith("applied 0 fairness migration(s) on postgresql; schema version 1"), atStartup);
        try (Connection application = postgres.asApplication()) {
            assertRefused(application, "CREATE TABLE fairness_shadow (id bigint)");
            assertRefused(application, "ALTER TABLE fairness_sign_off DROP CONSTRAINT fairness_sign_off_report");
            assertRefused(application, "DELETE FROM fairness_schema_history");
        }
    }

    @Test
    void theApplicationRoleAppendsAndReadsButCannotUpdateDeleteOrTruncateFairnessRows() throws Exception {
        long reportId;
        try (Connection application = postgres.asApplication(); Statement sql = application.createStatement()) {
            assertEquals(LocalPostgres.APPLICATION_ROLE, application.getMetaData().getUserName());
            reportId = insertRows(sql);
            for (String table : TABLES) {
                String key = table.equals("fairness_report_verdict") ? "report_id" : "id";
                long id = table.equals("fairness_report") || table.equals("fairness_report_verdict") ? reportId : 1;
                assertEquals(1, count(sql, "SELECT count(*) FROM " + table + " WHERE " + key + " = " + id), table);
                assertRefused(application, "UPDATE " + table + " SET " + key + " = " + key + " WHERE " + key + " = "
                        + id);
                assertRefused(application, "DELETE FROM " + table + " WHERE " + key + " = " + id);
                assertRefused(application, "TRUNCATE " + table);
                // a row lock needs UPDATE too: one decision per report is kept by the unique key instead
                assertRefused(application, "SELECT * FROM " + table + " FOR UPDATE");
            }
            assertRefused(application, "UPDATE fairness_sign_off SET decision = 'APPROVED'");
            assertEquals(1, count(sql, "SELECT count(*) FROM fairness_sign_off WHERE decision = 'REJECTED'"));
            SQLException second = assertThrows(SQLException.class, () -> sql.execute("INSERT INTO fairness_sign_off "
                    + "VALUES (nextval('fairness_sign_off_seq'), " + reportId + ", 'colon-recurrence-5y/1', "
                    + "'APPROVED', 'Approving after all.', 'it-officer', '\\x00'::bytea)"));
            assertEquals("23505", second.getSQLState(), "a report takes one decision: " + second.getMessage());
        }
        try (Connection owner = postgres.asOwner(); Statement sql = owner.createStatement()) {
            assertEquals(1, sql.executeUpdate("UPDATE fairness_outcome SET follow_up_day = 2 WHERE id = 1"),
                    "the owner can, so the refusals above come from the application's role");
        }
    }

    /** A report with one verdict row, its sign-off and an outcome, as the application writes them; the report's id. */
    private static long insertRows(Statement sql) throws SQLException {
        long reportId = count(sql, "SELECT nextval('fairness_report_seq')");
        sql.execute("INSERT INTO fairness_report (id, task_id, model_version, model_sha256, report_version, source, "
                + "input_sha256, input_rows, decision_threshold, bootstrap_seed, bootstrap_replicates, "
                + "minimum_group_size, tolerances_json, request_json, report_json, report_sha256, stored_at, stored_by) "
                + "VALUES (" + reportId + ", 'colon-recurrence-5y', 'colon-recurrence-5y/1', '" + "a".repeat(64)
                + "', 1, 'cross-validation', '" + "b".repeat(64) + "', 888, 0.5, 1, 1000, 30, '{}', '{}', '{}', '"
                + "c".repeat(64) + "', '\\x00'::bytea, 'it-officer')");
        sql.execute("INSERT INTO fairness_report_verdict (report_id, position, grouping_name, group_name, metric, "
                + "verdict, estimate, ci_lower, ci_upper, tolerance) VALUES (" + reportId + ", 0, 'sex', '1', "
                + "'DEMOGRAPHIC_PARITY_DIFFERENCE', 'PASS', 0.01, -0.02, 0.04, 0.1)");
        sql.execute("INSERT INTO fairness_sign_off VALUES (nextval('fairness_sign_off_seq'), " + reportId
                + ", 'colon-recurrence-5y/1', 'REJECTED', 'Recalibrate.', 'it-officer', '\\x00'::bytea)");
        sql.execute("INSERT INTO fairness_outcome VALUES (nextval('fairness_outcome_seq'), 'colon-recurrence-5y', '"
                + "d".repeat(64) + "', 'EVENT', 200, 'it-clinician', '\\x00'::bytea)");
        return reportId;
    }

    private static void assertRefused(Connection connection, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        }, statement);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), statement + ": " + refused.getMessage());
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static DataSource dataSource(String user, String password) {
        return Flyway.configure().dataSource(postgres.url(), user, password).getDataSource();
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = FairnessRowsOnPostgresIT.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
