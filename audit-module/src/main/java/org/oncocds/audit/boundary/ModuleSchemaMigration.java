package org.oncocds.audit.boundary;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations (Flyway) of a module that keeps its tables in the database the audit trail shares with
 * it: {@code db/<module>/<database>/V<n>__<what>.sql} on the module's class path, one folder per database (H2,
 * PostgreSQL), applied in order and recorded in the module's own history table {@code <module>_schema_history}.
 * <p>
 * The database is shared by the modules, so it is not empty when a module's history does not exist yet; Flyway refuses
 * to migrate such a schema unless it is baselined. Without a history the schema is baselined at version 0, and the
 * module's V1 must create each object only if it is missing (so tables made before migrations existed are kept).
 * Here, in the boundary, because the fairness and prediction modules run their migrations the same way; the audit
 * trail's own migrations have more starting states (see {@code AuditSchemaMigration}).
 */
public final class ModuleSchemaMigration {

    private final String module;
    private final ClassLoader classLoader;

    /**
     * @param module
     *            the module's name as it appears in {@code db/<module>/...} and in its history table, e.g.
     *            {@code fairness}
     * @param classLoader
     *            the class loader that sees the module's migration scripts
     */
    public ModuleSchemaMigration(String module, ClassLoader classLoader) {
        this.module = module;
        this.classLoader = classLoader;
    }

    /** Flyway's history table of the module's tables. */
    public String historyTable() {
        return module + "_schema_history";
    }

    /**
     * Brings the module's tables up to the newest version.
     *
     * @return what was done, for the log
     * @throws IllegalStateException
     *             when the database is neither H2 nor PostgreSQL; a Flyway exception when a migration fails (e.g. the
     *             connected role may not apply it)
     */
    public String migrate(DataSource dataSource) {
        String folder = folderFor(dataSource);
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/" + module + "/" + folder)
                .table(historyTable())
                .baselineVersion("0")
                .baselineDescription("the shared database before the " + module + " migrations")
                .load();
        String baselined = "";
        if (!historyExists(dataSource)) {
            flyway.baseline();
            baselined = "started the " + module + " schema history at version 0; ";
        }
        MigrateResult result = flyway.migrate();
        return baselined + "applied " + result.migrationsExecuted + " " + module + " migration(s) on " + folder
                + "; schema version " + flyway.info().current().getVersion();
    }

    /**
     * Applies the migrations as the database owner, connecting with the environment variables
     * {@code ONCOCDS_MIGRATE_URL}, {@code ONCOCDS_MIGRATE_USER} and {@code ONCOCDS_MIGRATE_PASSWORD} (the password is
     * not taken from the command line, where other users could see it), and prints what was done.
     */
    public void migrateAsOwner() {
        String url = requiredEnvironment("ONCOCDS_MIGRATE_URL");
        String user = requiredEnvironment("ONCOCDS_MIGRATE_USER");
        String password = System.getenv().getOrDefault("ONCOCDS_MIGRATE_PASSWORD", "");
        System.out.println(migrate(Flyway.configure().dataSource(url, user, password).getDataSource()));
    }

    private static String requiredEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + name + " is required");
        }
        return value;
    }

    private String folderFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "H2" -> "h2";
                case "PostgreSQL" -> "postgresql";
                default -> throw new IllegalStateException("the " + module + " tables have schema migrations for H2"
                        + " and PostgreSQL only, not for " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the " + module + " database", e);
        }
    }

    private boolean historyExists(DataSource dataSource) {
        String table = historyTable();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String name : new String[]{table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet tables = metadata.getTables(null, connection.getSchema(), name, new String[]{
                        "TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + module + " database's tables", e);
        }
    }
}
