package org.oncocds.fairness.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.io.Reader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.fairness.control.InputDigest;
import org.oncocds.fairness.control.Sha256Reader;
import org.oncocds.fairness.entity.MetricVerdict;
import org.oncocds.fairness.entity.StoredReport;
import org.oncocds.prediction.boundary.CrossValidation;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.OutOfFoldPrediction;
import org.oncocds.prediction.boundary.Tasks;

/**
 * Bias reports of a model version from its out-of-fold cross-validation predictions (every training patient scored
 * by a model that did not see them), computed and stored for review. A stored report is never changed: a new review
 * stores a new report version.
 */
@Stateless
@DeclareRoles({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class ModelBiasReports extends FairnessTables {

    /** The source of reports computed from a model version's out-of-fold cross-validation predictions. */
    public static final String CROSS_VALIDATION = "CROSS_VALIDATION";

    /** The source of reports computed from an uploaded CSV table of any model's predictions. */
    public static final String CSV_UPLOAD = "CSV_UPLOAD";

    @EJB
    Tasks tasks;

    @EJB
    ModelVersions modelVersions;

    @EJB
    BiasReports biasReports;

    @EJB
    GovernanceLog governance;

    @Resource
    SessionContext session;

    /**
     * The subgroups the task's models are reviewed for, with the age bands {@code <50}, {@code 50-64}, {@code 65+}
     * (for {@code colon-recurrence-5y}: sex, age band, treatment arm with {@code Obs} as reference, sex × age band; for
     * {@code rotterdam-rfs-5y}: menopausal status, age band, therapy with {@code none} as reference, menopausal status
     * × age band; for a task an administrator uploaded: its subgroup attributes, see {@link ReviewPlans#fromSubgroups});
     * empty when the task is unknown or has no standard review.
     */
    public Optional<BiasReportRequest> standardRequest(String taskId) {
        return ReviewPlans.standardRequest(taskId, ReviewPlans.STANDARD_AGE_CUTS, tasks::byId);
    }

    /**
     * The task's standard review with its age bands cut at {@code ageCutPoints} (years, strictly increasing; e.g.
     * {@code [40, 50, 70]} gives {@code <40}, {@code 40-49}, {@code 50-69}, {@code 70+}).
     *
     * @throws InvalidBiasInputException
     *             ({@code bands.age}) when the cut points are missing, empty, not finite or not increasing
     */
    public Optional<BiasReportRequest> standardRequest(String taskId, List<Double> ageCutPoints) {
        return ReviewPlans.standardRequest(taskId, ageCutPoints, tasks::byId);
    }

    /**
     * Computes, without storing, the bias report of the task's active model over its out-of-fold predictions.
     *
     * @throws InvalidBiasInputException
     *             ({@code taskId}) for an unknown task; ({@code request}) when the request is missing or names an
     *             attribute the predictions do not carry
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public BiasReport crossValidationReport(String taskId, BiasReportRequest request) {
        return compute(taskId, request).report();
    }

    /** Stores the report of the task's standard review (see {@link #standardRequest}). */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public StoredBiasReport storeCrossValidationReport(String taskId) {
        BiasReportRequest request = standardRequest(taskId).orElseThrow(() -> new InvalidBiasInputException("taskId",
                "taskId: task '" + taskId + "' has no standard review; name the subgroups in a request"));
        return storeCrossValidationReport(taskId, request);
    }

    /**
     * Computes the report of the task's active model over its out-of-fold predictions and stores it as the model
     * version's next report version, with the SHA-256 of the input rows, the request and the verdicts; the caller is
     * recorded as the one who stored it.
     *
     * @throws InvalidBiasInputException
     *             as {@link #crossValidationReport}; nothing is stored
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public StoredBiasReport storeCrossValidationReport(String taskId, BiasReportRequest request) {
        return store(compute(taskId, request), request);
    }

    /**
     * Computes, without storing, the report of a registered model version (any lifecycle state, e.g. a VALIDATED
     * version awaiting approval) over its out-of-fold predictions as stored with it.
     *
     * @throws InvalidBiasInputException
     *             ({@code modelVersion}) when no model version has that name; ({@code request}) as
     *             {@link #crossValidationReport}
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public BiasReport modelVersionReport(String modelVersion, BiasReportRequest request) {
        return computeVersion(modelVersion, request).report();
    }

    /**
     * Stores the report of a registered model version with its task's standard review: the report a compliance
     * officer approves to let the version be activated (see {@link FairnessSignOff#approve}).
     *
     * @throws InvalidBiasInputException
     *             ({@code modelVersion}) unknown; ({@code taskId}) its task has no standard review
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public StoredBiasReport storeModelVersionReport(String modelVersion) {
        ModelVersionSummary summary = registered(modelVersion);
        BiasReportRequest request = standardRequest(summary.taskId()).orElseThrow(() -> new InvalidBiasInputException(
                "taskId", "taskId: task '" + summary.taskId() + "' has no standard review; name the subgroups in a "
                        + "request"));
        return storeModelVersionReport(modelVersion, request);
    }

    /** Stores the report of a registered model version over its out-of-fold predictions, with {@code request}. */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public StoredBiasReport storeModelVersionReport(String modelVersion, BiasReportRequest request) {
        return store(computeVersion(modelVersion, request), request);
    }

    /**
     * Computes the report over an uploaded CSV table (see {@link BiasReports#reportFromCsv}) of any model's predictions
     * and stores it as the next report version of {@code modelVersion} (the name the model version is reviewed under,
     * e.g. {@code vendor-model/3}), with the SHA-256 of the upload, so the same sign-off applies to it.
     *
     * @throws InvalidBiasInputException
     *             ({@code modelVersion}) when the name is missing, blank, longer than 200 characters or the name of a
     *             model version registered here; as
     *             {@link BiasReports#reportFromCsv} for the upload. Nothing is stored.
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public StoredBiasReport storeCsvReport(String modelVersion, BiasReportRequest request, CsvColumns columns,
            Reader csv) {
        if (modelVersion == null || modelVersion.isBlank() || modelVersion.length() > StoredReport.ID_LENGTH) {
            throw new InvalidBiasInputException("modelVersion", "modelVersion: name the model version the upload's "
                    + "predictions come from (1 to " + StoredReport.ID_LENGTH + " characters)");
        }
        if (modelVersions.byVersion(modelVersion).isPresent()) {
            // Its own out-of-fold predictions review a registered version; an upload must not stand in for them
            // (its approval would show the version as approved to clinicians while the registry never approved it).
            throw new InvalidBiasInputException("modelVersion", "modelVersion: '" + modelVersion + "' is a model "
                    + "version of this installation: review it from its cross-validation (storeModelVersionReport); "
                    + "name the uploaded model's predictions differently");
        }
        if (request == null || columns == null || csv == null) {
            throw new InvalidBiasInputException("request", "request: a report request, its columns and the upload "
                    + "are required");
        }
        Sha256Reader hashing = new Sha256Reader(csv);
        BiasReport report = biasReports.reportFromCsv(request, columns, hashing);
        StoredReport.Subject subject = new StoredReport.Subject(null, modelVersion, null, CSV_UPLOAD, hashing
                .finishHex(), report.rows());
        return store(subject, request, report);
    }

    /** A stored report by its id. */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public Optional<StoredBiasReport> stored(long reportId) {
        return Optional.ofNullable(entityManager.find(StoredReport.class, reportId)).map(ModelBiasReports::toRecord);
    }

    /** Every stored report of a model version, the newest report version first. */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public List<StoredBiasReport> storedFor(String modelVersion) {
        return entityManager.createNamedQuery(StoredReport.OF_MODEL_VERSION, StoredReport.class).setParameter(
                "modelVersion", modelVersion).getResultList().stream().map(ModelBiasReports::toRecord).toList();
    }

    static StoredBiasReport toRecord(StoredReport stored) {
        StoredReport.Subject subject = stored.getSubject();
        return new StoredBiasReport(stored.getId(), subject.taskId(), subject.modelVersion(), subject.modelSha256(),
                stored.getReportVersion(), subject.source(), subject.inputSha256(), stored.getReportSha256(),
                stored.getStoredAt(), stored
                        .getStoredBy(),
                ReportDocuments.report(stored.getReportJson()));
    }

    private record Computed(ModelVersionSummary model, String inputSha256, BiasReport report) {
    }

    /** The report of the version that answers the task's recommendations now. */
    private Computed compute(String taskId, BiasReportRequest request) {
        if (request == null) {
            throw new InvalidBiasInputException("request", "request: a report request is required");
        }
        if (taskId == null || tasks.byId(taskId).isEmpty()) {
            throw new InvalidBiasInputException("taskId", "taskId: there is no prediction task '" + taskId + "'");
        }
        CrossValidation validation = tasks.crossValidation(taskId).orElseThrow(() -> new InvalidBiasInputException(
                "taskId", "taskId: no model version answers task '" + taskId + "'; name a model version"));
        return computeVersion(validation.modelVersion(), request);
    }

    private ModelVersionSummary registered(String modelVersion) {
        return (modelVersion == null ? Optional.<ModelVersionSummary>empty() : modelVersions.byVersion(modelVersion))
                .orElseThrow(() -> new InvalidBiasInputException("modelVersion", "modelVersion: there is no model "
                        + "version '" + modelVersion + "'"));
    }

    private Computed computeVersion(String modelVersion, BiasReportRequest request) {
        if (request == null) {
            throw new InvalidBiasInputException("request", "request: a report request is required");
        }
        ModelVersionSummary model = registered(modelVersion);
        CrossValidation validation = modelVersions.crossValidation(modelVersion).orElseThrow(
                () -> new InvalidBiasInputException("modelVersion", "modelVersion: '" + modelVersion
                        + "' has no cross-validation"));
        InputDigest digest = new InputDigest();
        List<ScoredRow> rows = new ArrayList<>(validation.predictions().size());
        for (OutOfFoldPrediction prediction : validation.predictions()) {
            digest.add(prediction.label(), prediction.risk(), prediction.attributes());
            rows.add(new ScoredRow(prediction.label(), prediction.risk(), prediction.attributes()));
        }
        return new Computed(model, digest.finishHex(), biasReports.report(request, rows));
    }

    private StoredBiasReport store(Computed computed, BiasReportRequest request) {
        ModelVersionSummary model = computed.model();
        return store(new StoredReport.Subject(model.taskId(), model.version(), model.sha256(), CROSS_VALIDATION,
                computed.inputSha256(), computed.report().rows()), request, computed.report());
    }

    private StoredBiasReport store(StoredReport.Subject subject, BiasReportRequest request, BiasReport report) {
        // Milliseconds: what every database keeps, so a report read back equals the one returned here.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredReport stored = StoredReport.of(subject, nextReportVersion(subject.modelVersion()), settings(request),
                ReportDocuments.json(report), verdicts(report), now, session.getCallerPrincipal().getName());
        entityManager.persist(stored);
        entityManager.flush();
        // In this transaction: the report and the audit trail's record of it commit together or not at all.
        governance.record(new GovernanceEvent(null, GovernanceAction.FAIRNESS_REPORT_CREATED, "bias-report " + stored
                .getId(), Map.of("modelVersion", subject.modelVersion(), "reportVersion",
                        String.valueOf(stored
                                .getReportVersion()),
                        "source", subject.source(), "inputSha256", subject.inputSha256(),
                        "reportSha256", stored.getReportSha256())));
        return toRecord(stored);
    }

    private int nextReportVersion(String modelVersion) {
        Integer latest = entityManager.createNamedQuery(StoredReport.LATEST_VERSION, Integer.class).setParameter(
                "modelVersion", modelVersion).getSingleResult();
        return latest == null ? 1 : latest + 1;
    }

    private static StoredReport.Settings settings(BiasReportRequest request) {
        return new StoredReport.Settings(request.threshold(), request.seed(), request.bootstrapReplicates(), request
                .minimumGroupSize(), ReportDocuments.json(request.tolerances()), ReportDocuments.json(request));
    }

    private static List<MetricVerdict> verdicts(BiasReport report) {
        List<MetricVerdict> verdicts = new ArrayList<>();
        for (GroupingReport grouping : report.groupings()) {
            for (Disparity disparity : grouping.disparities()) {
                Estimate estimate = disparity.estimate();
                Interval interval = estimate.interval();
                verdicts.add(new MetricVerdict(grouping.grouping(), disparity.group(), disparity.metric().name(),
                        disparity.verdict().name(), estimate.value(), interval == null ? null : interval.lower(),
                        interval == null ? null : interval.upper(), disparity.tolerance()));
            }
        }
        return verdicts;
    }
}
