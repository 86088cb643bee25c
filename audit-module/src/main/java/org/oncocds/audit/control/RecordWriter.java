package org.oncocds.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single writer of recommendation records on this server: callers queue a checked record and wait; one thread
 * takes everything pending (up to {@value #MAX_BATCH_SIZE} records) and appends it in one transaction
 * ({@link BatchAppends}), then wakes each caller with its committed record. A caller returns only after the
 * transaction holding its record committed; a batch that fails fails every caller in it, and none of its records is
 * written. Several servers on one database each have a writer; their batches are serialized by the chain head's row
 * lock, so the chain has no fork and no gap.
 * <p>
 * A plain CDI bean, not an EJB: a caller only queues its record and waits, which needs neither the container's
 * transaction handling nor its security checks (the audit trail's boundary did those), and an EJB call per
 * recommendation cost measurable CPU under load. The writer thread is started on first use.
 */
@ApplicationScoped
public class RecordWriter {

    /** The most records one transaction appends. */
    public static final int MAX_BATCH_SIZE = 256;
    /** How long a caller waits for its batch to commit before it gives up (its record may still be committed). */
    static final long COMMIT_WAIT_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(RecordWriter.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @EJB
    BatchAppends batches;

    private GroupCommit<PendingRecommendation, AppendedRecord> groupCommit;
    private Thread writer;

    @PostConstruct
    void start() {
        groupCommit = new GroupCommit<>(batch -> batches.append(batch), MAX_BATCH_SIZE);
        writer = threads.newThread(groupCommit::run);
        writer.setName("oncocds-audit-writer");
        writer.start();
    }

    @PreDestroy
    void stop() {
        groupCommit.stop();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(COMMIT_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Appends the record through the writer and waits until the transaction holding it committed.
     *
     * @return the committed record
     * @throws IllegalStateException
     *             when its batch failed (nothing of it was written) or did not commit within
     *             {@value #COMMIT_WAIT_SECONDS} s (then it may still be committed: the caller must treat the
     *             recommendation as not recorded and not show it)
     */
    public AppendedRecord append(PendingRecommendation pending) {
        try {
            return groupCommit.submit(pending).get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "an audit batch failed; its recommendations are not recorded", e.getCause());
            throw new IllegalStateException("the audit record could not be committed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the audit record was not committed within " + COMMIT_WAIT_SECONDS
                    + " s; the recommendation must not be shown", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit record to commit", e);
        }
    }
}
