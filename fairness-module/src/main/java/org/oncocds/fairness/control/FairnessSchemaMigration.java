package org.oncocds.fairness.control;

import javax.sql.DataSource;
import org.oncocds.audit.boundary.ModuleSchemaMigration;

/**
 * The fairness tables' versioned schema migrations (Flyway, run by the audit
 * module's {@link ModuleSchemaMigration}):
 * {@code db/fairness/<database>/V<n>__<what>.sql} in this jar, one folder per database (H2, PostgreSQL), applied in
 * order and recorded in the fairness module's own history table {@value #HISTORY_TABLE}.
 * <p>
 * The database is shared with the audit and prediction modules, so it is not empty when the fairness history does not
 * exist yet; Flyway refuses to migrate such a schema unless it is baselined. Without a history the schema is baselined
 * at version 0, and V1 creates each table, sequence and index only if it is missing (a database whose fairness tables
 * EclipseLink created before migrations existed keeps them).
 * <p>
 * On H2 the application owns the database and migrates it at startup. On PostgreSQL the application's role may not
 * create or alter tables (that is what keeps it from rewriting a stored report or a sign-off), so the owner applies the
 * migrations with {@link #main} before deploying; at startup the application then finds nothing pending, and refuses
 * to start if something is (see docs/fairness-metrics.md, "Running on PostgreSQL").
 */
public final class FairnessSchemaMigration {

    /** Flyway's history table of the fairness tables. */
    public static final String HISTORY_TABLE = "fairness_schema_history";

    private static final ModuleSchemaMigration MIGRATION = new ModuleSchemaMigration("fairness",
            FairnessSchemaMigration.class.getClassLoader());

    private FairnessSchemaMigration() {
    }

    /**
     * Brings the fairness tables up to the newest version.
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
     * Applies the migrations as the database owner, for administrators: {@code java -cp <fairness-module jar>:<audit-module jar>:
     * <flyway-core jar>:<flyway-database-postgresql jar>:<postgresql jar>
     * org.oncocds.fairness.control.FairnessSchemaMigration} with the environment variables {@code ONCOCDS_MIGRATE_URL},
     * {@code ONCOCDS_MIGRATE_USER} and {@code ONCOCDS_MIGRATE_PASSWORD} (the password is not taken from the command
     * line, where other users could see it). Then run {@code db/fairness/postgresql/app-role-grants.sql} as the owner.
     */
    public static void main(String[] args) {
        MIGRATION.migrateAsOwner();
    }
}
