package org.oncocds.prediction.control;

import javax.sql.DataSource;
import org.oncocds.audit.boundary.ModuleSchemaMigration;

/**
 * The prediction tables' versioned schema migrations (Flyway, run by the audit
 * module's {@link ModuleSchemaMigration}):
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

    private static final ModuleSchemaMigration MIGRATION = new ModuleSchemaMigration("prediction",
            PredictionSchemaMigration.class.getClassLoader());

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
        return MIGRATION.migrate(dataSource);
    }

    /**
     * Applies the migrations as the database owner, for administrators: {@code java -cp <prediction-ejb jar>:<audit-module jar>:
     * <flyway-core jar>:<flyway-database-postgresql jar>:<postgresql jar>
     * org.oncocds.prediction.control.PredictionSchemaMigration} with the environment variables {@code ONCOCDS_MIGRATE_URL},
     * {@code ONCOCDS_MIGRATE_USER} and {@code ONCOCDS_MIGRATE_PASSWORD} (the password is not taken from the command
     * line, where other users could see it). Then run {@code db/prediction/postgresql/app-role-grants.sql} as the owner.
     */
    public static void main(String[] args) {
        MIGRATION.migrateAsOwner();
    }
}
