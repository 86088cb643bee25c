package org.oncocds.prediction.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.prediction.control.Algorithm;
import org.oncocds.prediction.control.JobLedger;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TrainedModel;
import org.oncocds.prediction.control.TrainingJobLeases;

/**
 * Runs one queued training job on the managed executor's thread: trains with its cross-validation (each fold done is
 * recorded on the job), stores the model as a DRAFT version and validates it; any failure is recorded on the job with
 * its reason. Runs only a job that is still QUEUED, so it cannot be used to run one twice.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrainingRuns {

    private static final Logger LOG = Logger.getLogger(TrainingRuns.class.getName());
    static final int STORE_ATTEMPTS = 3;

    @Inject
    JobLedger ledger;

    @Inject
    TrainingJobLeases leases;

    @Inject
    ModelRegistry registry;

    @Inject
    VersionRegistration registration;

    public void run(String jobId, String taskId, String algorithmId, Map<String, String> options, String requestedBy) {
        try {
            runClaimed(jobId, taskId, algorithmId, options, requestedBy);
        } finally {
            leases.release(jobId);
        }
    }

    private void runClaimed(String jobId, String taskId, String algorithmId, Map<String, String> options,
            String requestedBy) {
        if (!ledger.claim(jobId)) {
            return;
        }
        String version = null;
        try {
            Algorithm algorithm = Algorithm.byId(algorithmId).orElseThrow();
            // The bootstrap models train in this thread: the job already holds one of the executor's threads.
            TrainedModel model = registry.train(taskId, algorithm, options, Runnable::run, fold -> ledger.progress(
                    jobId, fold));
            version = storeDraft(model, requestedBy);
            registration.validate(version, requestedBy);
            ledger.succeeded(jobId, version);
            LOG.info("training job " + jobId + " made " + version);
        } catch (LifecycleRefusedException e) {
            ledger.failed(jobId, version, version + " was stored as DRAFT but not validated: " + e.reason());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "training job " + jobId + " failed", e);
            ledger.failed(jobId, version, (version == null
                    ? "training failed"
                    : version + " was stored as DRAFT"
                            + " but not validated")
                    + ": " + describe(e));
        }
    }

    /**
     * Stores the model as the task's next version. Two servers of an installation storing a version of one task at the
     * same moment pick the same number; the database's unique version number lets one of them store it, and the other
     * then takes the number after it.
     */
    private String storeDraft(TrainedModel model, String requestedBy) {
        String taskId = model.task().id();
        return storeUnderAFreeNumber(() -> registration.nextNumber(taskId), () -> registration.storeDraft(model,
                requestedBy));
    }

    /**
     * {@code store} once more, up to {@value #STORE_ATTEMPTS} times, while a failure of it comes with the next number
     * having moved on (another server stored a version meanwhile); any other failure is rethrown at once.
     */
    static String storeUnderAFreeNumber(IntSupplier nextNumber, Supplier<String> store) {
        for (int attempt = 1;; attempt++) {
            int number = nextNumber.getAsInt();
            try {
                return store.get();
            } catch (RuntimeException e) {
                if (attempt == STORE_ATTEMPTS || nextNumber.getAsInt() == number) {
                    throw e;
                }
                LOG.info(() -> "another server stored version number " + number + " of the task first; storing the"
                        + " model under the next number");
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return root == failure
                ? message
                : message + " (" + root.getClass().getSimpleName() + ": " + root
                        .getMessage() + ")";
    }
}
