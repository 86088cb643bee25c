package org.oncocds.prediction.it;

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
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.testing.LocalPostgres;
import org.oncocds.prediction.control.PredictionSchemaMigration;

/**
 * On a real PostgreSQL set up the way the team's scripts do (an owner owns the database; the application has its own
 * role): the owner applies the prediction migrations and {@code db/prediction/postgresql/app-role-grants.sql}; the
 * schema is exactly what EclipseLink created before migrations; the application's role, WITHOUT any CREATE, finds the
 * schema current at startup and can do what the registry does (store versions, move them through their lifecycle,
 * queue and finish training jobs, add tasks) and nothing more: no DDL, no rewrite of a stored model or task, no delete.
 * The statements are the ones EclipseLink sends (every column on insert, the changed columns and the row version on
 * update), at the JDBC level: exactly what a stolen application password allows.
 */
class PredictionRowsOnPostgresIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String COLUMNS = "SELECT table_name, column_name, data_type, character_maximum_length, "
            + "is_nullable FROM information_schema.columns WHERE table_schema = '%s' AND table_name LIKE "
            + "'prediction\\_%%' AND table_name <> 'prediction_schema_history' ORDER BY 1, 2";
    private static final String CONSTRAINTS = "SELECT tc.table_name, tc.constraint_type, tc.constraint_name, "
            + "kcu.column_name, kcu.ordinal_position FROM information_schema.table_constraints tc JOIN "
            + "information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name AND "
            + "tc.table_schema = kcu.table_schema WHERE tc.table_schema = '%s' AND tc.table_name LIKE 'prediction\\_%%'"
            + " AND tc.table_name <> 'prediction_schema_history' AND tc.constraint_type = 'UNIQUE' ORDER BY 1, 2, 3, 4, 5";

    private static LocalPostgres postgres;

    @BeforeAll
    static void prepareTheDatabaseAsTheOwner() throws Exception {
        postgres = LocalPostgres.start("prediction");
        String migrated = PredictionSchemaMigration.migrate(dataSource(LocalPostgres.OWNER, postgres
                .ownerPassword()));
        assertTrue(migrated.contains("applied 2 prediction migration(s) on postgresql"), migrated);
        try (Connection owner = postgres.asOwner(); Statement sql = owner.createStatement()) {
            sql.execute(resource("db/prediction/postgresql/app-role-grants.sql"));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theMigratedSchemaIsExactlyWhatEclipseLinkCreated() throws Exception {
        try (Connection owner = postgres.asOwner(); Statement sql = owner.createStatement()) {
            sql.execute("CREATE SCHEMA eclipselink");
            sql.execute("SET search_path TO eclipselink");
            for (String statement : resource("eclipselink-ddl/postgresql.sql").replaceAll("(?m)^--.*$", "").split(
                    ";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
            assertEquals(rows(sql, COLUMNS.formatted("eclipselink")), rows(sql, COLUMNS.formatted("public")));
            assertEquals(62, rows(sql, COLUMNS.formatted("public")).size());
            assertEquals(rows(sql, CONSTRAINTS.formatted("eclipselink")), rows(sql, CONSTRAINTS.formatted("public")));
            sql.execute("DROP SCHEMA eclipselink CASCADE");
        }
    }

    @Test
    void theApplicationRoleFindsTheSchemaCurrentAtStartupButCannotCreateOrAlter() throws Exception {
        String atStartup = PredictionSchemaMigration.migrate(dataSource(LocalPostgres.APPLICATION_ROLE, postgres
                .applicationPassword()));
        assertTrue(atStartup.startsWith("applied 0 prediction migration(s) on postgresql; schema version 2"),
                atStartup);
        try (Connection application = postgres.asApplication()) {
            assertRefused(application, "CREATE TABLE prediction_shadow (id bigint)");
            assertRefused(application, "ALTER TABLE prediction_model_version DROP CONSTRAINT "
                    + "prediction_one_active_per_task");
            assertRefused(application, "DELETE FROM prediction_schema_history");
        }
    }

    @Test
    void theApplicationRoleRunsTheRegistryButCannotRewriteAStoredModelOrTask() throws Exception {
        try (Connection application = postgres.asApplication(); Statement sql = application.createStatement()) {
            assertEquals(LocalPostgres.APPLICATION_ROLE, application.getMetaData().getUserName());
            long id = count(sql, "SELECT nextval('prediction_model_version_seq')");
            sql.execute("INSERT INTO prediction_model_version (id, active_task, algorithm, approved_at, approved_by, "
                    + "bias_report_id, bootstrap_bytes, bootstrap_sha256, card_data_source, card_exclusions, "
                    + "card_intended_use, card_limitations, card_missing_data, card_outcome, card_performance, "
                    + "card_predictors, cv_accuracy, cv_auc, cv_brier, cv_calibration_in_the_large, "
                    + "cv_calibration_slope, cv_folds, cv_predictions_json, cv_seed, model_bytes, version_number, "
                    + "algorithm_options, row_version, model_sha256, state, state_changed_at, state_changed_by, "
                    + "task_id, trained_at, trained_by, training_data_sha256, training_rows, model_version, "
                    + "weka_version) VALUES (" + id + ", NULL, 'weka.classifiers.functions.Logistic', NULL, NULL, "
                    + "NULL, '\\x01'::bytea, '" + "a".repeat(64) + "', 'd', 'e', 'i', 'l', 'm', 'o', 'p', 'q', 0.6, "
                    + "0.69, 0.22, 0.0, 0.84, 10, '[]', 1, '\\x02'::bytea, 1, '-R 1.0E-4', 1, '" + "b".repeat(64)
                    + "', 'DRAFT', '\\x00'::bytea, 'system', 'colon-recurrence-5y', '\\x00'::bytea, 'system', '"
                    + "c".repeat(64) + "', 888, 'colon-recurrence-5y/1', '3.8.6')");
            // The lifecycle: DRAFT -> VALIDATED -> APPROVED -> ACTIVE -> RETIRED, as EclipseLink writes the changes.
            assertEquals(1, sql.executeUpdate("UPDATE prediction_model_version SET state = 'VALIDATED', "
                    + "state_changed_by = 'system', state_changed_at = '\\x01'::bytea, row_version = 2 WHERE id = " + id
                    + " AND row_version = 1"));
            assertEquals(1, sql.executeUpdate("UPDATE prediction_model_version SET state = 'APPROVED', "
                    + "approved_by = 'kim', approved_at = '\\x02'::bytea, bias_report_id = 7, row_version = 3 WHERE id "
                    + "= " + id + " AND row_version = 2"));
            assertEquals(1, sql.executeUpdate("UPDATE prediction_model_version SET state = 'ACTIVE', active_task = "
                    + "'colon-recurrence-5y', row_version = 4 WHERE id = " + id + " AND row_version = 3"));
            assertEquals(1, count(sql, "SELECT count(*) FROM prediction_model_version WHERE active_task = "
                    + "'colon-recurrence-5y'"));
            assertRefused(application, "UPDATE prediction_model_version SET model_bytes = '\\x03'::bytea WHERE id = "
                    + id);
            assertRefused(application, "UPDATE prediction_model_version SET model_sha256 = '" + "f".repeat(64)
                    + "' WHERE id = " + id);
            assertRefused(application, "UPDATE prediction_model_version SET cv_auc = 0.99 WHERE id = " + id);
            assertRefused(application, "DELETE FROM prediction_model_version WHERE id = " + id);
            assertRefused(application, "TRUNCATE prediction_model_version");

            sql.execute("INSERT INTO prediction_training_job (id, algorithm, failure, finished_at, folds_done, "
                    + "folds_total, options_json, requested_at, requested_by, status, task_id, model_version) VALUES "
                    + "('job-1', 'logistic', NULL, NULL, 0, 10, '{}', '\\x00'::bytea, 'ada', 'QUEUED', "
                    + "'colon-recurrence-5y', NULL)");
            assertEquals(1, sql.executeUpdate("UPDATE prediction_training_job SET status = 'RUNNING', folds_done = 3, "
                    + "heartbeat_millis = 1796666000000 WHERE id = 'job-1'"));
            assertEquals(1, sql.executeUpdate("UPDATE prediction_training_job SET status = 'SUCCEEDED', "
                    + "model_version = 'colon-recurrence-5y/1', finished_at = '\\x01'::bytea WHERE id = 'job-1'"));
            assertRefused(application, "UPDATE prediction_training_job SET requested_by = 'eve' WHERE id = 'job-1'");
            assertRefused(application, "DELETE FROM prediction_training_job WHERE id = 'job-1'");

            sql.execute("INSERT INTO prediction_task (id, added_at, added_by, data_rows, dataset_bytes, "
                    + "dataset_sha256, definition_json, file_name, labelled_rows, task_id) VALUES "
                    + "(nextval('prediction_task_seq'), '\\x00'::bytea, 'ada', 1858, '\\x04'::bytea, '" + "d".repeat(64)
                    + "', '{}', 'colon.csv', 928, 'colon-death-2y')");
            assertEquals(1, count(sql, "SELECT count(*) FROM prediction_task WHERE task_id = 'colon-death-2y'"));
            assertRefused(application, "UPDATE prediction_task SET dataset_bytes = '\\x05'::bytea");
            assertRefused(application, "DELETE FROM prediction_task");
        }
        try (Connection owner = postgres.asOwner(); Statement sql = owner.createStatement()) {
            assertEquals(1, sql.executeUpdate("UPDATE prediction_task SET file_name = 'colon.csv'"),
                    "the owner can, so the refusals above come from the application's role");
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
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

    private static String resource(String name) throws IOException {
        try (InputStream in = PredictionRowsOnPostgresIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
