package org.oncocds.prediction.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the prediction tables to the schema version this module needs when the application starts, before any model
 * version, training job or uploaded task is read or written (the module's start-up, {@code ShippedModels}, depends on
 * it). A database that cannot be migrated (on PostgreSQL: the application's role may not, and the owner has not applied
 * a pending migration) fails the start.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PredictionSchema {

    private static final Logger LOG = Logger.getLogger(PredictionSchema.class.getName());

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            LOG.info(() -> "prediction schema: " + PredictionSchemaMigration.migrate(dataSource));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the prediction tables are not at the schema version this application "
                    + "needs and could not be migrated (on PostgreSQL the owner applies migrations, see "
                    + "docs/model-registry.md): " + e.getMessage(), e);
        }
    }
}
