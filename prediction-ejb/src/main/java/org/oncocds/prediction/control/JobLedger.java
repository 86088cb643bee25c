package org.oncocds.prediction.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.oncocds.prediction.entity.TrainingJobRecord;

/**
 * The training jobs in the database. Every change commits on its own (a new transaction), so an administrator sees
 * the progress while the job runs, and a failure is kept whatever happens to the training.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLedger {

    static final String ABANDONED = "its server stopped (or lost the database) before the job finished: the job's lease"
            + " was not renewed for " + TrainingJobLeases.LEASE.toMinutes() + " minutes; nothing was stored for it"
            + " unless a version is named; start it again";

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

    public String create(String taskId, String algorithm, String optionsJson, String requestedBy, int foldsTotal) {
        String id = UUID.randomUUID().toString();
        entityManager.persist(new TrainingJobRecord(id, taskId, algorithm, optionsJson, requestedBy, Instant.now(),
                foldsTotal));
        return id;
    }

    /** QUEUED -> RUNNING; false when the job is not QUEUED (unknown, or already taken). */
    public boolean claim(String id) {
        TrainingJobRecord job = entityManager.find(TrainingJobRecord.class, id);
        if (job == null || !"QUEUED".equals(job.getStatus())) {
            return false;
        }
        job.running(Instant.now());
        return true;
    }

    public void progress(String id, int foldsDone) {
        entityManager.find(TrainingJobRecord.class, id).progress(foldsDone, Instant.now());
    }

    public void succeeded(String id, String version) {
        entityManager.find(TrainingJobRecord.class, id).succeeded(version, Instant.now());
    }

    /** Records the failure; {@code version} names a version stored but not validated (null when none). */
    public void failed(String id, String version, String failure) {
        TrainingJobRecord job = entityManager.find(TrainingJobRecord.class, id);
        job.failed(failure, Instant.now());
        if (version != null) {
            job.progress(job.getFoldsTotal(), Instant.now());
        }
        entityManager.flush();
        if (version != null) {
            entityManager.createQuery("UPDATE TrainingJobRecord j SET j.version = :version WHERE j.id = :id")
                    .setParameter("version", version).setParameter("id", id).executeUpdate();
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TrainingJobRecord> find(String id) {
        return Optional.ofNullable(id == null ? null : entityManager.find(TrainingJobRecord.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TrainingJobRecord> recent(int limit) {
        return entityManager.createNamedQuery(TrainingJobRecord.RECENT, TrainingJobRecord.class).setMaxResults(limit)
                .getResultList();
    }

    /** Renews the lease of those of the jobs that are still QUEUED or RUNNING; how many. */
    public int renew(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return entityManager.createNamedQuery(TrainingJobRecord.RENEW).setParameter("now", Instant.now().toEpochMilli())
                .setParameter("ids", List.copyOf(ids)).executeUpdate();
    }

    /**
     * Marks FAILED the QUEUED or RUNNING jobs whose lease was last renewed before the instant (or never): their server
     * stopped without finishing them. Any server of the installation may do it; how many.
     */
    public int failAbandoned(Instant renewedBefore) {
        List<TrainingJobRecord> abandoned = entityManager.createNamedQuery(TrainingJobRecord.ABANDONED,
                TrainingJobRecord.class).setParameter("renewedBefore", renewedBefore.toEpochMilli()).getResultList();
        abandoned.forEach(job -> job.failed(ABANDONED, Instant.now()));
        return abandoned.size();
    }
}
