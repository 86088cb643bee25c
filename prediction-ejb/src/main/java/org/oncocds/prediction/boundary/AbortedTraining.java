package org.oncocds.prediction.boundary;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedTaskListener;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.oncocds.prediction.control.JobLedger;
import org.oncocds.prediction.control.TrainingJobLeases;

/**
 * A training job's task that the server's executor accepted but then did not run to its end (cancelled, or the
 * container context could not be set up for it): its lease is released and the job marked FAILED, so that it does not
 * stay QUEUED with a lease this server keeps renewing. A job that ran ends through {@link TrainingRuns} instead.
 */
record AbortedTraining(String jobId, JobLedger ledger, TrainingJobLeases leases) implements ManagedTaskListener {

    private static final Logger LOG = Logger.getLogger(AbortedTraining.class.getName());

    @Override
    public void taskAborted(Future<?> future, ManagedExecutorService executor, Object task, Throwable exception) {
        LOG.warning(() -> "training job " + jobId + " was not run by the server's executor: " + exception);
        leases.release(jobId);
        ledger.failUnlessEnded(jobId, "the server's executor did not run it (" + exception + "); start it again");
    }

    @Override
    public void taskSubmitted(Future<?> future, ManagedExecutorService executor, Object task) {
    }

    @Override
    public void taskStarting(Future<?> future, ManagedExecutorService executor, Object task) {
    }

    @Override
    public void taskDone(Future<?> future, ManagedExecutorService executor, Object task, Throwable exception) {
    }
}
