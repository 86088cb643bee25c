package org.oncocds.prediction.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Training jobs are leases: the server that queued a job renews it every {@link #RENEW_EVERY} until the job ends, and
 * every server marks FAILED the QUEUED or RUNNING jobs nobody renewed for {@link #LEASE} (their server was stopped or
 * killed). With several servers on one database, a server that starts therefore leaves the jobs the others run alone:
 * it cannot tell a job of its own previous run from theirs except by the lease. Times are the database's
 * ({@link JobLedger}), so the servers' own clocks need not agree.
 */
@Singleton
@Startup
@DependsOn("PredictionSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrainingJobLeases {

    public static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    /** Four renewals missed: long enough for a busy server or database, short enough for an administrator waiting. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(TrainingJobLeases.class.getName());

    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> renewals;

    @Inject
    JobLedger ledger;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        failAbandoned();
        renewals = scheduler.scheduleWithFixedDelay(this::renewAndSweep, RENEW_EVERY.toSeconds(), RENEW_EVERY
                .toSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (renewals != null) {
            renewals.cancel(false);
        }
    }

    /** This server runs the job (from its creation, while QUEUED): its lease is renewed until {@link #release}. */
    public void hold(String jobId) {
        heldHere.add(jobId);
    }

    /** The job has ended on this server, or will never run here. */
    public void release(String jobId) {
        heldHere.remove(jobId);
    }

    /** Marks FAILED the jobs whose lease ran out; how many. */
    public int failAbandoned() {
        int failed = ledger.failAbandoned(LEASE);
        if (failed > 0) {
            LOG.warning(() -> failed + " training job(s) marked FAILED: their server stopped before they finished");
        }
        return failed;
    }

    private void renewAndSweep() {
        // A failure (the database away for a moment) must not end the schedule: the next round tries again.
        try {
            ledger.renew(Set.copyOf(heldHere));
            failAbandoned();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "renewing the training jobs' leases failed; trying again in " + RENEW_EVERY
                    .toSeconds() + " s", e);
        }
    }
}
