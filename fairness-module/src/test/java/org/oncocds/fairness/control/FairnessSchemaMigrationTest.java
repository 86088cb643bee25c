package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The fairness migrations on H2, in a database the audit and prediction modules share. */
class FairnessSchemaMigrationTest {

    private final JdbcDataSource database = new JdbcDataSource();

    FairnessSchemaMigrationTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void aSchemaHoldingOtherModulesTablesGetsTheFairnessTablesOnceAndTheNextStartFindsNothingPending()
            throws Exception {
        sql("CREATE TABLE AUDIT_RECORD (ID BIGINT PRIMARY KEY)");

        String first = FairnessSchemaMigration.migrate(database);
        String second = FairnessSchemaMigration.migrate(database);

        assertEquals("started the fairness schema history at version 0; applied 1 fairness migration(s) on h2; schema "
                + "version 1", first);
        assertEquals("applied 0 fairness migration(s) on h2; schema version 1", second);
        for (String table : new String[]{"FAIRNESS_REPORT", "FAIRNESS_REPORT_VERDICT", "FAIRNESS_SIGN_OFF",
                "FAIRNESS_OUTCOME"}) {
            assertEquals(0, count("SELECT count(*) FROM " + table), table);
        }
        assertEquals(1, count("SELECT NEXT VALUE FOR FAIRNESS_REPORT_SEQ"));
    }

    @Test
    void tablesEclipseLinkCreatedBeforeMigrationsKeepTheirRowsAndMissingOnesAreAdded() throws Exception {
        sql("CREATE SEQUENCE FAIRNESS_REPORT_SEQ INCREMENT BY 1 START WITH 1");
        sql("CREATE TABLE FAIRNESS_REPORT (ID BIGINT NOT NULL PRIMARY KEY, MODEL_VERSION VARCHAR(200) NOT NULL)");
        sql("INSERT INTO FAIRNESS_REPORT VALUES (NEXT VALUE FOR FAIRNESS_REPORT_SEQ, 'colon-recurrence-5y/1')");

        FairnessSchemaMigration.migrate(database);

        assertEquals(1, count("SELECT count(*) FROM FAIRNESS_REPORT WHERE MODEL_VERSION = 'colon-recurrence-5y/1'"));
        assertEquals(2, count("SELECT NEXT VALUE FOR FAIRNESS_REPORT_SEQ"), "the sequence goes on where it was");
        assertEquals(0, count("SELECT count(*) FROM FAIRNESS_OUTCOME"));
        assertTrue(count("SELECT count(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = "
                + "'FAIRNESS_OUTCOME_PATIENT'") > 0);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
