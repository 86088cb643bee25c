package org.oncocds.prediction.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private static final Set<String> UNFINISHED = Set.of("QUEUED", "RUNNING");

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

    public String create(String taskId, String algorithm, String optionsJson, String requestedBy, int foldsTotal) {
        String id = UUID.randomUUID().toString();
        entityManager.persist(new TrainingJobRecord(id, taskId, algorithm, optionsJson, requestedBy, Instant.now(),
                foldsTotal, databaseMillis()));
        return id;
    }

    /** QUEUED -> RUNNING; false when the job is not QUEUED (unknown, or already taken). */
    public boolean claim(String id) {
        TrainingJobRecord job = locked(id);
        if (job == null || !"QUEUED".equals(job.getStatus())) {
            return false;
        }
        job.running(databaseMillis());
        return true;
    }

    public void progress(String id, int foldsDone) {
        entityManager.find(TrainingJobRecord.class, id).progress(foldsDone, databaseMillis());
    }

    /**
     * The job made its version. Locked first: another server's sweep may have marked it FAILED after this server missed
     * its renewals; the version exists, so SUCCEEDED wins and the failure is cleared.
     */
    public void succeeded(String id, String version) {
        locked(id).succeeded(version, Instant.now());
    }

    /** Records the failure; {@code version} names a version stored but not validated (null when none). */
    public void failed(String id, String version, String failure) {
        TrainingJobRecord job = locked(id);
        job.failed(failure, Instant.now());
        if (version != null) {
            job.progress(job.getFoldsTotal(), databaseMillis());
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

    /** Records the failure unless the job has already ended (it ran after all). */
    public void failUnlessEnded(String id, String failure) {
        TrainingJobRecord job = locked(id);
        if (job != null && UNFINISHED.contains(job.getStatus())) {
            job.failed(failure, Instant.now());
        }
    }

    /** Renews the lease of those of the jobs that are still QUEUED or RUNNING; how many. */
    public int renew(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return entityManager.createNamedQuery(TrainingJobRecord.RENEW).setParameter("now", databaseMillis())
                .setParameter("ids", List.copyOf(ids)).executeUpdate();
    }

    /**
     * Marks FAILED the QUEUED or RUNNING jobs whose lease was last renewed longer ago than {@code lease} (or never): their
     * server stopped without finishing them. Any server of the installation may do it: the rows are locked and checked
     * again under the lock, so a job that finished meanwhile is left alone; how many.
     */
    public int failAbandoned(Duration lease) {
        List<TrainingJobRecord> abandoned = entityManager.createNamedQuery(TrainingJobRecord.ABANDONED,
                TrainingJobRecord.class).setParameter("renewedBefore", databaseMillis() - lease.toMillis())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        abandoned.forEach(job -> job.failed(ABANDONED, Instant.now()));
        return abandoned.size();
    }

    private TrainingJobRecord locked(String id) {
        return entityManager.find(TrainingJobRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Now by the database's clock, which all servers of an installation share: a lease renewed by one server and judged
     * by another must not depend on how far apart their own clocks are.
     */
    private long databaseMillis() {
        Object now = entityManager.createNativeQuery("SELECT CURRENT_TIMESTAMP").getSingleResult();
        if (now instanceof Timestamp timestamp) {
            return timestamp.getTime();
        }
        if (now instanceof OffsetDateTime offset) {
            return offset.toInstant().toEpochMilli();
        }
        if (now instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        throw new IllegalStateException("the database answered CURRENT_TIMESTAMP with a " + (now == null
                ? "null"
                : now.getClass().getName()));
    }
}
