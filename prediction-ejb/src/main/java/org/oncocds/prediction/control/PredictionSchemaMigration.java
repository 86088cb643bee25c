package org.oncocds.prediction.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The prediction tables' versioned schema migrations (Flyway, as the audit and fairness modules do it):
 * {@code db/prediction/<database>/V<n>__<what>.sql} in this jar, one folder per database (H2, PostgreSQL), applied in
 * order and recorded in the prediction module's own history table {@value #HISTORY_TABLE}.
 * <p>
 * The database is shared with the audit and fairness modules, so it is not empty when the prediction history does not
 * exist yet; Flyway refuses to migrate such a schema unless it is baselined. Without a history the schema is baselined
 * at version 0, and V1 creates each table, sequence and constraint only if it is missing (a database whose prediction
 * tables EclipseLink created before migrations existed keeps them and their rows).
 * <p>
 * On H2 the application owns the database and migrates it at startup. On PostgreSQL the application's role may not
 * create or alter tables and may update only the lifecycle columns of a model version, so the owner applies the
 * migrations with {@link #main} before deploying; at startup the application then finds nothing pending, and refuses
 * to start if something is (see docs/model-registry.md, "Schema migrations").
 */
public final class PredictionSchemaMigration {

    /** Flyway's history table of the prediction tables. */
    public static final String HISTORY_TABLE = "prediction_schema_history";

    private PredictionSchemaMigration() {
    }

    /**
     * Brings the prediction tables up to the newest version.
     *
     * @return what was done, for the log
     * @throws IllegalStateException
     *             when the database is neither H2 nor PostgreSQL; a Flyway exception when a migration fails (e.g. the
     *             connected role may not apply it)
     */
    public static String migrate(DataSource dataSource) {
        String folder = folderFor(dataSource);
        Flyway flyway = Flyway.configure(PredictionSchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/prediction/" + folder)
                .table(HISTORY_TABLE)
                .baselineVersion("0")
                .baselineDescription("the shared database before the prediction migrations")
                .load();
        String baselined = "";
        if (!historyExists(dataSource)) {
            flyway.baseline();
            baselined = "started the prediction schema history at version 0; ";
        }
        MigrateResult result = flyway.migrate();
        return baselined + "applied " + result.migrationsExecuted + " prediction migration(s) on " + folder
                + "; schema version " + flyway.info().current().getVersion();
    }

    /**
     * Applies the migrations as the database owner, for administrators: {@code java -cp <prediction-ejb jar>:
     * <flyway-core jar>:<flyway-database-postgresql jar>:<postgresql jar>
     * org.oncocds.prediction.control.PredictionSchemaMigration} with the environment variables {@code ONCOCDS_MIGRATE_URL},
     * {@code ONCOCDS_MIGRATE_USER} and {@code ONCOCDS_MIGRATE_PASSWORD} (the password is not taken from the command
     * line, where other users could see it). Then run {@code db/prediction/postgresql/app-role-grants.sql} as the
     * owner.
     */
    public static void main(String[] args) {
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

    private static String folderFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "H2" -> "h2";
                case "PostgreSQL" -> "postgresql";
                default -> throw new IllegalStateException("the prediction tables have schema migrations for H2 and "
                        + "PostgreSQL only, not for " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the prediction database", e);
        }
    }

    private static boolean historyExists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String name : new String[]{HISTORY_TABLE, HISTORY_TABLE.toUpperCase(Locale.ROOT)}) {
                try (ResultSet tables = metadata.getTables(null, connection.getSchema(), name, new String[]{
                        "TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the prediction database's tables", e);
        }
    }
}
