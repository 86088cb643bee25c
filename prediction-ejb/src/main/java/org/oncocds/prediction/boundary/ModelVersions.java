package org.oncocds.prediction.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.Algorithm;
import org.oncocds.prediction.control.AnsweringModels;
import org.oncocds.prediction.control.CanonicalJson;
import org.oncocds.prediction.control.CrossValidator;
import org.oncocds.prediction.control.JobLedger;
import org.oncocds.prediction.control.TrainingJobLeases;
import org.oncocds.prediction.control.ModelLoadRefusedException;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.VersionStore;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * The model registry: every version of a task with its metrics and model card, and its lifecycle. Each change of state
 * is recorded through the audit module's {@link GovernanceLog} in the same transaction: the change and its record
 * commit together or not at all.
 */
@Stateless
@DeclareRoles({ModelVersions.CLINICIAN, ModelVersions.COMPLIANCE_OFFICER, ModelVersions.ADMIN})
@RolesAllowed({ModelVersions.CLINICIAN, ModelVersions.COMPLIANCE_OFFICER, ModelVersions.ADMIN})
public class ModelVersions {

    static final String CLINICIAN = "clinician";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(ModelVersions.class.getName());

    @Inject
    VersionStore store;

    @Inject
    ModelRegistry registry;

    @Inject
    GovernanceLog governance;

    @Resource
    SessionContext session;

    /** The server's executor: training runs there, never in the caller's request. */
    @Resource
    ManagedExecutorService executor;

    @Inject
    JobLedger ledger;

    @Inject
    TrainingJobLeases leases;

    @Inject
    AnsweringModels answering;

    @Inject
    TrainingRuns runs;

    /** Who is calling; the container's caller (replaced in unit tests). */
    Supplier<String> caller = () -> session.getCallerPrincipal().getName();

    /** The task's versions, newest first; empty for an unknown task. */
    public List<ModelVersionSummary> ofTask(String taskId) {
        return store.ofTask(taskId).stream().map(Summaries::of).toList();
    }

    public Optional<ModelVersionSummary> byVersion(String version) {
        return store.find(version).map(Summaries::of);
    }

    /** The task's ACTIVE version, if it has one. */
    public Optional<ModelVersionSummary> active(String taskId) {
        return store.active(taskId).map(Summaries::of);
    }

    /** The version's cross-validation with every out-of-fold prediction, as stored when it was trained. */
    public Optional<CrossValidation> crossValidation(String version) {
        return store.find(version).map(Summaries::crossValidation);
    }

    /**
     * VALIDATED -> APPROVED, from a compliance officer's sign-off of the version's bias report; joins the caller's
     * transaction (the fairness sign-off), so the sign-off and the approval commit together.
     *
     * @throws LifecycleRefusedException
     *             {@code version} unknown, {@code biasReportId} not positive, or {@code state} not VALIDATED
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void approve(String version, long biasReportId) throws LifecycleRefusedException {
        if (biasReportId <= 0) {
            throw new LifecycleRefusedException("biasReportId", "must name a stored bias report (a positive id)");
        }
        StoredModelVersion stored = find(version);
        Transitions.change(stored, LifecycleState.APPROVED, caller(), Map.of("biasReportId", String.valueOf(
                biasReportId)), governance::record);
        stored.setApproval(biasReportId, caller(), stored.getStateChangedAt());
        LOG.info(() -> version + " APPROVED by bias report " + biasReportId);
    }

    /**
     * APPROVED -> ACTIVE: from now on the task's recommendations come from this version. The task's previous ACTIVE
     * version becomes RETIRED in the same transaction. The model must load with every check first.
     *
     * @throws LifecycleRefusedException
     *             {@code version} unknown, {@code state} not APPROVED, or {@code model} refused at load
     */
    @RolesAllowed(ADMIN)
    public ModelVersionSummary activate(String version) throws LifecycleRefusedException {
        StoredModelVersion stored = find(version);
        if (Transitions.stateOf(stored) == LifecycleState.APPROVED) {
            try {
                registry.reload(stored);
            } catch (ModelLoadRefusedException e) {
                throw new LifecycleRefusedException("model", e.getMessage());
            }
        }
        Optional<StoredModelVersion> previous = store.active(stored.getTaskId());
        if (previous.isPresent() && Transitions.stateOf(stored) == LifecycleState.APPROVED) {
            Transitions.change(previous.get(), LifecycleState.RETIRED, caller(), Map.of("replacedBy", version),
                    governance::record);
            // The old row leaves ACTIVE before the new one enters it: the database allows one ACTIVE per task.
            store.flush();
        }
        Transitions.change(stored, LifecycleState.ACTIVE, caller(), previous.map(old -> Map.of("replaces", old
                .getVersion())).orElse(Map.of()), governance::record);
        store.flush();
        answering.forgetWhenTransactionEnds(stored.getTaskId());
        LOG.info(() -> version + " ACTIVE" + previous.map(old -> ", " + old.getVersion() + " RETIRED").orElse(""));
        return Summaries.of(stored);
    }

    /**
     * Any state but RETIRED -> RETIRED: the version never answers again. Retiring the ACTIVE version leaves the task
     * without one until another is activated.
     *
     * @throws LifecycleRefusedException
     *             {@code version} unknown or {@code state} already RETIRED
     */
    @RolesAllowed(ADMIN)
    public ModelVersionSummary retire(String version) throws LifecycleRefusedException {
        StoredModelVersion stored = find(version);
        Transitions.change(stored, LifecycleState.RETIRED, caller(), Map.of(), governance::record);
        store.flush();
        answering.forgetWhenTransactionEnds(stored.getTaskId());
        LOG.info(() -> version + " RETIRED");
        return Summaries.of(stored);
    }

    /** The algorithms a version can be trained with, and their options. */
    public List<AlgorithmDescription> algorithms() {
        return Arrays.stream(Algorithm.values()).map(algorithm -> new AlgorithmDescription(algorithm.id(), algorithm
                .options().stream().map(option -> new AlgorithmDescription.OptionDescription(option.name(), FeatureType
                        .valueOf(option.kind().name()), option.minimum(), option.maximum(), option.defaultValue(),
                        option.meaning()))
                .toList())).toList();
    }

    /**
     * Starts training a new version in the background (the server's managed executor) and returns at once with the
     * job's id; follow it with {@link #job(String)}. The result is a new version, DRAFT then VALIDATED.
     *
     * @throws InvalidTrainingRequestException
     *             one error per refused field ({@code taskId}, {@code algorithm}, {@code options.<name>}); nothing is
     *             started
     */
    @RolesAllowed(ADMIN)
    public String startTraining(TrainingRequest request) throws InvalidTrainingRequestException {
        TrainingValidator.ValidTraining valid = TrainingValidator.validate(request, registry.tasks());
        String requestedBy = caller();
        String jobId = ledger.create(valid.task().id(), valid.algorithm().id(), CanonicalJson.of(valid.options()),
                requestedBy, CrossValidator.FOLDS);
        leases.hold(jobId);
        Runnable training = () -> runs.run(jobId, valid.task().id(), valid.algorithm().id(), valid.options(),
                requestedBy);
        try {
            executor.execute(ManagedExecutors.managedTask(training, new AbortedTraining(jobId, ledger, leases)));
        } catch (RuntimeException e) {
            leases.release(jobId);
            ledger.failUnlessEnded(jobId, "the server could not queue it (" + e + "); start it again");
            throw e;
        }
        LOG.info(() -> "training job " + jobId + " queued: " + valid.task().id() + " with " + valid.algorithm().id()
                + " " + valid.options() + " by " + requestedBy);
        return jobId;
    }

    /** A training job and its progress; empty for an unknown id. */
    @RolesAllowed(ADMIN)
    public Optional<TrainingJob> job(String jobId) {
        return ledger.find(jobId).map(Summaries::job);
    }

    /** The most recent training jobs, newest first. */
    @RolesAllowed(ADMIN)
    public List<TrainingJob> jobs(int limit) {
        return ledger.recent(Math.max(1, Math.min(limit, 500))).stream().map(Summaries::job).toList();
    }

    private StoredModelVersion find(String version) throws LifecycleRefusedException {
        if (version == null || version.isBlank()) {
            throw new LifecycleRefusedException("version", "is required");
        }
        return store.find(version.strip()).orElseThrow(() -> new LifecycleRefusedException("version",
                "no model version " + version.strip()));
    }

    private String caller() {
        return caller.get();
    }
}
