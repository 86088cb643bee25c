package org.oncocds.prediction.it;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.oncocds.prediction.control.JobLedger;

/**
 * Test only: changes the registry straight in the database, past the application, as a second ACTIVE version by hand or
 * another server's lifecycle change or training job would.
 */
@Stateless
public class RegistryTamperer {

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

    @Inject
    JobLedger ledger;

    /** Marks {@code version} ACTIVE for {@code taskId} with SQL; the database's answer, or "updated". */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String markActive(String version, String taskId) {
        try {
            entityManager.createNativeQuery("UPDATE PREDICTION_MODEL_VERSION SET STATE = 'ACTIVE', ACTIVE_TASK = ?1"
                    + " WHERE MODEL_VERSION = ?2").setParameter(1, taskId).setParameter(2, version).executeUpdate();
            entityManager.flush();
            return "updated";
        } catch (PersistenceException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** Retires {@code version} with SQL, as an administrator on another server of the installation would. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String retire(String version) {
        int rows = entityManager.createNativeQuery("UPDATE PREDICTION_MODEL_VERSION SET STATE = 'RETIRED', ACTIVE_TASK"
                + " = NULL WHERE MODEL_VERSION = ?1").setParameter(1, version).executeUpdate();
        return rows == 1 ? "updated" : "no such version";
    }

    /**
     * A training job RUNNING on another server (this one does not hold its lease), whose lease that server last renewed
     * at {@code heartbeatMillis}; its id.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String addJobOfAnotherServer(long heartbeatMillis) {
        String id = ledger.create("rotterdam-rfs-5y", "logistic", "{}", "admin", 10);
        entityManager.createNativeQuery("UPDATE PREDICTION_TRAINING_JOB SET STATUS = 'RUNNING', HEARTBEAT_MILLIS = ?1"
                + " WHERE ID = ?2").setParameter(1, heartbeatMillis).setParameter(2, id).executeUpdate();
        return id;
    }
}
