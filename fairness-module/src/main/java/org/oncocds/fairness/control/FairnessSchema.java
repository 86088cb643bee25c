package org.oncocds.fairness.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the fairness tables to the schema version this module needs when the application starts, before any report,
 * sign-off or outcome is read or written: the beans that touch the tables call {@link #ready()} when they are created,
 * which makes the container run this singleton's start first. A database that cannot be migrated (on PostgreSQL: the
 * application's role may not, and the owner has not applied a pending migration) fails the start.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FairnessSchema {

    private static final Logger LOG = Logger.getLogger(FairnessSchema.class.getName());

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            LOG.info(() -> "fairness schema: " + FairnessSchemaMigration.migrate(dataSource));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the fairness tables are not at the schema version this application needs "
                    + "and could not be migrated (on PostgreSQL the owner applies migrations, see "
                    + "docs/fairness-metrics.md): " + e.getMessage(), e);
        }
    }

    /** Returns once the schema is current; a no-op after the start. */
    @Lock(LockType.READ)
    public void ready() {
        // The container ran migrate() before the first call reaches here.
    }
}
