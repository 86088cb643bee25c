package org.oncocds.audit.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The audit tables' versioned schema migrations (Flyway): {@code db/audit/<database>/V<n>__<what>.sql} in this jar, one
 * folder per database (H2, PostgreSQL), applied in order and recorded in the history table {@value #HISTORY_TABLE}
 * (the prediction and fairness modules keep their own tables in the same database, and their own history).
 * <p>
 * A database whose audit tables were created before migrations existed (by EclipseLink's create-on-start, or by the
 * version 1 script run by hand) has the tables but no history: it is baselined at version 1 and the later migrations
 * are applied to it.
 * <p>
 * On H2 the application owns the database and migrates it at startup ({@link AuditSchema}). On PostgreSQL the
 * application's role may not create or alter tables (that is what keeps it from rewriting the audit trail), so the
 * owner applies the migrations with {@link #main} before deploying; at startup the application then finds nothing
 * pending, and refuses to start if something is.
 */
public final class AuditSchemaMigration {

    /** Flyway's history table of the audit tables. */
    public static final String HISTORY_TABLE = "audit_schema_history";

    private AuditSchemaMigration() {
    }

    /**
     * Brings the audit tables up to the newest version.
     *
     * @return what was done, for the log
     * @throws IllegalStateException
     *             when the database is neither H2 nor PostgreSQL, or a migration fails (e.g. the connected role may not
     *             apply it)
     */
    public static String migrate(DataSource dataSource) {
        String folder = folderFor(dataSource);
        HistoryState state = historyState(dataSource);
        Flyway flyway = Flyway.configure(AuditSchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/audit/" + folder)
                .table(HISTORY_TABLE)
                .baselineVersion(state == HistoryState.AUDIT_TABLES_WITHOUT_HISTORY ? "1" : "0")
                .baselineDescription(state == HistoryState.AUDIT_TABLES_WITHOUT_HISTORY
                        ? "audit tables created before versioned migrations"
                        : "no audit tables yet")
                .load();
        String baselined = "";
        if (state == HistoryState.AUDIT_TABLES_WITHOUT_HISTORY) {
            flyway.baseline();
            baselined = "baselined an existing audit schema at version 1; ";
        } else if (state == HistoryState.OTHER_TABLES_ONLY) {
            // Flyway refuses to migrate a schema that holds any table but no history of its own. The prediction and
            // fairness modules keep their tables in the same schema and may create them first: an empty history at
            // version 0 lets every audit migration, V1 included, run.
            flyway.baseline();
        }
        MigrateResult result = flyway.migrate();
        return baselined + "applied " + result.migrationsExecuted + " migration(s) on " + folder + "; schema version "
                + (result.targetSchemaVersion != null
                        ? result.targetSchemaVersion
                        : flyway.info().current() == null ? "none" : flyway.info().current().getVersion());
    }

    /**
     * Applies the migrations as the database owner, for administrators: {@code java -cp <audit-module jar>:<flyway-core
     * jar>:<flyway-database-postgresql jar>:<postgresql jar> org.oncocds.audit.control.AuditSchemaMigration} with the
     * environment variables {@code ONCOCDS_MIGRATE_URL}, {@code ONCOCDS_MIGRATE_USER} and {@code ONCOCDS_MIGRATE_PASSWORD}
     * (the password is not taken from the command line, where other users could see it). Then run
     * {@code db/audit/postgresql/app-role-grants.sql} as the owner.
     */
    public static void main(String[] args) {
        String url = requiredEnvironment("ONCOCDS_MIGRATE_URL");
        String user = requiredEnvironment("ONCOCDS_MIGRATE_USER");
        String password = System.getenv().getOrDefault("ONCOCDS_MIGRATE_PASSWORD", "");
        DataSource owner = Flyway.configure().dataSource(url, user, password).getDataSource();
        System.out.println(migrate(owner));
    }

    private static String requiredEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + name + " is required");
        }
        return value;
    }

    private static String folderFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "H2" -> "h2";
                case "PostgreSQL" -> "postgresql";
                default -> throw new IllegalStateException("the audit trail has schema migrations for H2 and "
                        + "PostgreSQL only, not for " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the audit database", e);
        }
    }

    private enum HistoryState {
        /** The history table exists: Flyway knows what has been applied. */
        HISTORY,
        /** Audit tables made before migrations existed (EclipseLink's create-on-start, or V1 run by hand). */
        AUDIT_TABLES_WITHOUT_HISTORY,
        /** No audit table, but other modules' tables in the schema. */
        OTHER_TABLES_ONLY,
        /** An empty schema. */
        EMPTY
    }

    private static HistoryState historyState(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String schema = connection.getSchema();
            if (tableExists(metadata, schema, HISTORY_TABLE)) {
                return HistoryState.HISTORY;
            }
            if (tableExists(metadata, schema, "audit_record")) {
                return HistoryState.AUDIT_TABLES_WITHOUT_HISTORY;
            }
            try (ResultSet anyTable = metadata.getTables(null, schema, "%", new String[]{"TABLE"})) {
                return anyTable.next() ? HistoryState.OTHER_TABLES_ONLY : HistoryState.EMPTY;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit database's tables", e);
        }
    }

    private static boolean tableExists(DatabaseMetaData metadata, String schema, String name) throws SQLException {
        for (String candidate : new String[]{name, name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = metadata.getTables(null, schema, candidate, new String[]{"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
