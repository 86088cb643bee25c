package org.oncocds.prediction.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.oncocds.prediction.entity.StoredTask;

/** The uploaded tasks in the application's database (unit {@code oncocds-prediction}), in the caller's transaction. */
@Stateless
public class DatabaseTaskStore implements TaskStore {

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

    @Override
    public LinkedHashMap<String, String> definitions() {
        LinkedHashMap<String, String> definitions = new LinkedHashMap<>();
        for (Object[] row : entityManager.createNamedQuery(StoredTask.DEFINITIONS, Object[].class).getResultList()) {
            definitions.put((String) row[0], (String) row[1]);
        }
        return definitions;
    }

    @Override
    public Optional<String> definition(String taskId) {
        return entityManager.createNamedQuery(StoredTask.DEFINITION, String.class).setParameter("taskId", taskId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<StoredTask> find(String taskId) {
        return entityManager.createNamedQuery(StoredTask.BY_TASK_ID, StoredTask.class).setParameter("taskId", taskId)
                .getResultStream().findFirst();
    }

    @Override
    public void add(StoredTask task) {
        entityManager.persist(task);
        entityManager.flush();
    }
}
