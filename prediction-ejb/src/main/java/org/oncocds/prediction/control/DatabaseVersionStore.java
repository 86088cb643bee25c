package org.oncocds.prediction.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.oncocds.prediction.entity.StoredModelVersion;

/** The model versions in the application's database (unit {@code oncocds-prediction}), in the caller's transaction. */
@Stateless
public class DatabaseVersionStore implements VersionStore {

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

    @Override
    public int nextNumber(String taskId) {
        Integer latest = entityManager.createNamedQuery(StoredModelVersion.LATEST_NUMBER, Integer.class).setParameter(
                "taskId", taskId).getSingleResult();
        return latest == null ? 1 : latest + 1;
    }

    @Override
    public void add(StoredModelVersion version) {
        entityManager.persist(version);
        entityManager.flush();
    }

    @Override
    public Optional<StoredModelVersion> find(String version) {
        return entityManager.createNamedQuery(StoredModelVersion.BY_VERSION, StoredModelVersion.class).setParameter(
                "version", version).getResultStream().findFirst();
    }

    @Override
    public List<StoredModelVersion> ofTask(String taskId) {
        return entityManager.createNamedQuery(StoredModelVersion.OF_TASK, StoredModelVersion.class).setParameter(
                "taskId", taskId).getResultList();
    }

    @Override
    public Optional<StoredModelVersion> active(String taskId) {
        return entityManager.createNamedQuery(StoredModelVersion.ACTIVE, StoredModelVersion.class).setParameter(
                "taskId", taskId).getResultStream().findFirst();
    }

    @Override
    public boolean everApproved(String taskId) {
        return entityManager.createNamedQuery(StoredModelVersion.EVER_APPROVED, Long.class).setParameter("taskId",
                taskId).getSingleResult() > 0;
    }

    @Override
    public void flush() {
        entityManager.flush();
    }
}
