package org.oncocds.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The H2 migrations on a fresh database and on one whose audit tables EclipseLink created before migrations. */
class AuditSchemaMigrationTest {

    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    @Test
    void freshDatabaseGetsEveryVersionOnceWithTheSequenceEclipseLinkUses() throws SQLException {
        JdbcDataSource dataSource = database();

        assertTrue(AuditSchemaMigration.migrate(dataSource).endsWith("schema version 7"));
        assertTrue(AuditSchemaMigration.migrate(dataSource).startsWith("applied 0 migration(s)"));

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(50, single(sql, "SELECT NEXT VALUE FOR AUDIT_RECORD_SEQ"), "ids come in blocks of 50");
            assertEquals(1, single(sql, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE INDEX_NAME = 'AUDIT_RECORD_PATIENT_SEQ'"));
            assertEquals(1, single(sql, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE INDEX_NAME = 'AUDIT_RECORD_RECORDED_AT_SEQ'"), "time-range pages (V7)");
            assertEquals(0, single(sql, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE INDEX_NAME = 'AUDIT_RECORD_RECORDED_AT'"), "replaced by its extension (V7)");
            assertEquals(6, single(sql, "SELECT COUNT(*) FROM \"audit_schema_history\" WHERE \"success\" "
                    + "AND \"version\" IS NOT NULL"));
            assertEquals(0, single(sql, "SELECT SEQUENCE_NUMBER FROM AUDIT_CHAIN_HEAD WHERE ID = 1"),
                    "the genesis head exists before the first append");
        }
    }

    @Test
    void newDatabaseWhereAnotherModuleCreatedItsTablesFirstGetsEveryVersion() throws SQLException {
        JdbcDataSource dataSource = database();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // The prediction and fairness units (EclipseLink create-or-extend-tables) may deploy before the audit one.
            sql.execute("CREATE TABLE PREDICTION_MODEL_VERSION (ID BIGINT PRIMARY KEY)");
        }

        String done = AuditSchemaMigration.migrate(dataSource);

        assertTrue(done.startsWith("applied 6 migration(s)") && done.endsWith("schema version 7"), done);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(0, single(sql, "SELECT SEQUENCE_NUMBER FROM AUDIT_CHAIN_HEAD WHERE ID = 1"));
            assertEquals(0, single(sql, "SELECT COUNT(*) FROM PREDICTION_MODEL_VERSION"), "the other table is kept");
        }
        assertTrue(AuditSchemaMigration.migrate(dataSource).startsWith("applied 0 migration(s)"));
    }

    @Test
    void databaseFromBeforeMigrationsIsBaselinedAndUpgradedKeepingItsRows() throws SQLException {
        JdbcDataSource dataSource = database();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // As EclipseLink's create-or-extend-tables left it, with a row and another module's table beside it.
            sql.execute("CREATE TABLE FAIRNESS_REPORT (ID BIGINT PRIMARY KEY)");
            sql.execute("CREATE TABLE AUDIT_RECORD (ID BIGINT PRIMARY KEY, SEQUENCE_NUMBER BIGINT NOT NULL UNIQUE, "
                    + "PREVIOUS_HASH VARCHAR(64) NOT NULL, HASH VARCHAR(64) NOT NULL, SEAL VARCHAR(64), "
                    + "RECORDED_AT_EPOCH_MICROS BIGINT NOT NULL, KIND VARCHAR(32) NOT NULL, "
                    + "ACTOR_NAME VARCHAR(255) NOT NULL, ACTOR_ROLES VARCHAR(255) NOT NULL, "
                    + "PATIENT_PSEUDONYM VARCHAR(64) NOT NULL, TASK_ID VARCHAR(128) NOT NULL, "
                    + "MODEL_VERSION VARCHAR(128) NOT NULL, MODEL_SHA256 VARCHAR(64) NOT NULL, INPUTS_JSON CLOB NOT NULL, "
                    + "OUTPUTS_JSON CLOB NOT NULL, REQUEST_ID VARCHAR(128) NOT NULL, DECIDES_RECORD_ID BIGINT UNIQUE, "
                    + "DECISION VARCHAR(32), CHOSEN_OPTION VARCHAR(128), DECISION_REASON VARCHAR(2000))");
            sql.execute("CREATE INDEX AUDIT_RECORD_RECORDED_AT ON AUDIT_RECORD (RECORDED_AT_EPOCH_MICROS)");
            sql.execute("CREATE TABLE AUDIT_CHAIN_HEAD (ID INTEGER PRIMARY KEY, SEQUENCE_NUMBER BIGINT NOT NULL, "
                    + "HASH VARCHAR(64) NOT NULL)");
            sql.execute("CREATE SEQUENCE AUDIT_RECORD_SEQ START WITH 50 INCREMENT BY 50");
            sql.execute("INSERT INTO AUDIT_RECORD (ID, SEQUENCE_NUMBER, PREVIOUS_HASH, HASH, RECORDED_AT_EPOCH_MICROS, "
                    + "KIND, ACTOR_NAME, ACTOR_ROLES, PATIENT_PSEUDONYM, TASK_ID, MODEL_VERSION, MODEL_SHA256, "
                    + "INPUTS_JSON, OUTPUTS_JSON, REQUEST_ID) VALUES (1, 1, 'p', 'h', 0, 'RECOMMENDATION', 'a', 'c', "
                    + "'x', 't', 'v', 's', '{}', '{}', 'r')");
        }

        String done = AuditSchemaMigration.migrate(dataSource);

        assertTrue(done.startsWith("baselined an existing audit schema at version 1; applied 5 migration(s)"), done);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(1, single(sql, "SELECT COUNT(*) FROM AUDIT_RECORD"), "the existing record is kept");
            sql.execute("INSERT INTO AUDIT_RECORD (ID, SEQUENCE_NUMBER, PREVIOUS_HASH, HASH, RECORDED_AT_EPOCH_MICROS, "
                    + "KIND, ACTOR_NAME, ACTOR_ROLES, INPUTS_JSON, OUTPUTS_JSON, REQUEST_ID, ACTION, SUBJECT) VALUES "
                    + "(2, 2, 'h', 'g', 1, 'GOVERNANCE', 'a', '', '{}', '{}', 'r2', 'LOGIN', 'user a')");
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
