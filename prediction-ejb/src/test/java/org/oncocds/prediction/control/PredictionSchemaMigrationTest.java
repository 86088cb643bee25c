package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The prediction migrations on H2, in a database the audit and fairness modules share. */
class PredictionSchemaMigrationTest {

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
            + "IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME LIKE 'PREDICTION\\_%' AND TABLE_NAME <> "
            + "'PREDICTION_SCHEMA_HISTORY' ORDER BY TABLE_NAME, COLUMN_NAME";
    private static final String CONSTRAINTS = "SELECT TC.TABLE_NAME, TC.CONSTRAINT_TYPE, KCU.COLUMN_NAME, "
            + "KCU.ORDINAL_POSITION FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS TC JOIN "
            + "INFORMATION_SCHEMA.KEY_COLUMN_USAGE KCU ON TC.CONSTRAINT_NAME = KCU.CONSTRAINT_NAME WHERE TC.TABLE_NAME "
            + "LIKE 'PREDICTION\\_%' AND TC.TABLE_NAME <> 'PREDICTION_SCHEMA_HISTORY' ORDER BY 1, 2, 3, 4";
    private static final String SEQUENCES = "SELECT SEQUENCE_NAME, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE "
            + "SEQUENCE_NAME LIKE 'PREDICTION\\_%' ORDER BY 1";

    @Test
    void aSchemaHoldingOtherModulesTablesGetsThePredictionTablesOnceAndTheNextStartFindsNothingPending()
            throws Exception {
        JdbcDataSource database = database();
        sql(database, "CREATE TABLE AUDIT_RECORD (ID BIGINT PRIMARY KEY)");

        String first = PredictionSchemaMigration.migrate(database);
        String second = PredictionSchemaMigration.migrate(database);

        assertEquals("started the prediction schema history at version 0; applied 2 prediction migration(s) on h2; "
                + "schema version 2", first);
        assertEquals("applied 0 prediction migration(s) on h2; schema version 2", second);
        assertEquals(1, count(database, "SELECT NEXT VALUE FOR PREDICTION_MODEL_VERSION_SEQ"));
    }

    @Test
    void theMigratedSchemaIsExactlyWhatEclipseLinkCreated() throws Exception {
        JdbcDataSource migrated = database();
        PredictionSchemaMigration.migrate(migrated);
        JdbcDataSource eclipseLink = database();
        script(eclipseLink, text("/eclipselink-ddl/h2.sql"));

        for (String query : List.of(COLUMNS, CONSTRAINTS, SEQUENCES)) {
            List<String> expected = rows(eclipseLink, query);
            assertEquals(expected, rows(migrated, query), query);
        }
        assertEquals(62, rows(migrated, COLUMNS).size());
    }

    @Test
    void tablesEclipseLinkCreatedBeforeMigrationsKeepTheirRows() throws Exception {
        JdbcDataSource database = database();
        // EclipseLink made the tables before the training job had a lease (V2).
        script(database, text("/eclipselink-ddl/h2.sql").replace(" HEARTBEAT_MILLIS BIGINT,", ""));
        sql(database, "INSERT INTO PREDICTION_TRAINING_JOB (ID, ALGORITHM, FOLDS_DONE, FOLDS_TOTAL, OPTIONS_JSON, "
                + "REQUESTED_AT, REQUESTED_BY, STATUS, TASK_ID) VALUES ('job-1', 'logistic', 10, 10, '{}', X'00', "
                + "'ada', 'SUCCEEDED', 'colon-recurrence-5y')");
        sql(database, "SELECT NEXT VALUE FOR PREDICTION_MODEL_VERSION_SEQ");

        String migrated = PredictionSchemaMigration.migrate(database);

        assertEquals("started the prediction schema history at version 0; applied 2 prediction migration(s) on h2; "
                + "schema version 2", migrated);
        assertEquals(1, count(database, "SELECT count(*) FROM PREDICTION_TRAINING_JOB WHERE ID = 'job-1'"));
        assertEquals(2, count(database, "SELECT NEXT VALUE FOR PREDICTION_MODEL_VERSION_SEQ"),
                "the sequence goes on where it was");
    }

    private static JdbcDataSource database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }

    private static void script(JdbcDataSource database, String sqlScript) throws SQLException {
        for (String statement : sqlScript.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                sql(database, statement);
            }
        }
    }

    static String text(String resource) {
        try (InputStream in = PredictionSchemaMigrationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> rows(JdbcDataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
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

    private static void sql(JdbcDataSource database, String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long count(JdbcDataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
