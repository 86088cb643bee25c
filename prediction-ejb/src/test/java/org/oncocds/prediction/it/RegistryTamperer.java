package org.oncocds.prediction.it;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Test only: changes the registry straight in the database, past the application, as a second ACTIVE version by hand or
 * another server's lifecycle change would.
 */
@Stateless
public class RegistryTamperer {

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

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
}
