package org.oncocds.prediction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.CohortCsv;
import org.oncocds.prediction.control.ExternalValidator;
import org.oncocds.prediction.control.FeatureSpec;
import org.oncocds.prediction.control.ModelArtifacts;
import org.oncocds.prediction.control.ModelLoadRefusedException;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.TrainedModel;
import org.oncocds.prediction.control.VersionStore;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Scores a cohort file with the task's ACTIVE version or a named one, returning the rows in order with a {@code risk}
 * column, and an external validation when the file has follow-up ({@code time}, {@code event}). The file is validated
 * whole (line and column named) before anything is scored; a refused file records nothing. A scored file is recorded
 * as ONE governance event BATCH_SCORING (row count, the file's SHA-256, the version), never as recommendations: the
 * rows are not patients in care, and no MRN is read.
 */
@Stateless
@RolesAllowed({"clinician", "admin"})
public class BatchScoring {

    static final int MAX_ROWS = 100_000;
    static final int MAX_ERRORS = 100;
    static final String RISK = "risk";
    static final String TIME = "time";
    static final String EVENT = "event";

    private static final Logger LOG = Logger.getLogger(BatchScoring.class.getName());

    @Inject
    ModelRegistry registry;

    @Inject
    VersionStore store;

    @Inject
    GovernanceLog governance;

    /**
     * @throws InvalidBatchException
     *             every refused part (at most 100), with line and column; nothing scored or recorded
     */
    public BatchResult score(BatchRequest request) throws InvalidBatchException {
        List<BatchError> errors = new ArrayList<>();
        Optional<TaskDefinition> task = task(request.taskId(), errors);
        Optional<String> text = text(request.csv(), errors);
        if (task.isEmpty() || text.isEmpty()) {
            throw new InvalidBatchException(errors);
        }
        Optional<StoredModelVersion> version = version(task.get(), request.modelVersion(), errors);
        CohortCsv cohort = CohortCsv.parse(text.get());
        cohort.problems().stream().limit(MAX_ERRORS).forEach(problem -> errors.add(new BatchError(lineOf(problem),
                "file", Problem.UNKNOWN_CATEGORY, problem)));
        boolean followUp = header(task.get(), cohort, errors);
        if (cohort.rows().size() > MAX_ROWS) {
            errors.add(new BatchError(0, "file", Problem.ABOVE_MAXIMUM, "the file has " + cohort.rows().size()
                    + " rows; at most " + MAX_ROWS + " are scored at once"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidBatchException(errors);
        }
        List<CaseValues> patients = rows(task.get(), cohort, followUp, errors);
        if (!errors.isEmpty() || version.isEmpty()) {
            throw new InvalidBatchException(errors);
        }
        TrainedModel model = load(version.get());
        return scored(request, task.get(), model, cohort, patients, followUp);
    }

    private BatchResult scored(BatchRequest request, TaskDefinition task, TrainedModel model, CohortCsv cohort,
            List<CaseValues> patients, boolean followUp) {
        List<Double> risks = new ArrayList<>();
        for (CaseValues patient : patients) {
            risks.add(model.risk(patient.completedWith(model.imputation()), patient.categories().get(task
                    .treatmentFeature())));
        }
        ExternalValidation validation = followUp ? validation(task, cohort, risks) : null;
        String fileSha256 = ModelArtifacts.sha256(request.csv());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("taskId", task.id());
        details.put("modelVersion", model.version());
        details.put("modelSha256", model.sha256());
        details.put("rows", String.valueOf(risks.size()));
        details.put("fileSha256", fileSha256);
        details.put("externalValidation", String.valueOf(followUp));
        if (validation != null) {
            details.put("auc", String.valueOf(validation.auc()));
            details.put("harrellC", String.valueOf(validation.harrellC()));
        }
        AuditReceipt receipt = governance.record(new GovernanceEvent(UUID.randomUUID().toString(),
                GovernanceAction.BATCH_SCORING, "batch-scoring " + task.id(), details));
        LOG.info(() -> "batch of " + risks.size() + " rows scored by " + model.version() + ", file SHA-256 "
                + fileSha256 + ", governance record " + receipt.recordId());
        return new BatchResult(task.id(), model.version(), model.sha256(), fileSha256, risks.size(), risks, cohort
                .withColumn(RISK, risks), validation, receipt.recordId());
    }

    private Optional<TaskDefinition> task(String taskId, List<BatchError> errors) {
        String id = CaseValidator.text(taskId);
        Optional<TaskDefinition> task = registry.task(id);
        if (id.isEmpty()) {
            errors.add(new BatchError(0, CaseValidator.TASK_ID, Problem.REQUIRED, "taskId is required"));
        } else if (task.isEmpty()) {
            String known = String.join(", ", registry.tasks().stream().map(TaskDefinition::id).toList());
            errors.add(new BatchError(0, CaseValidator.TASK_ID, Problem.UNKNOWN_TASK, "taskId must be one of "
                    + known));
        }
        return task;
    }

    private static Optional<String> text(byte[] csv, List<BatchError> errors) {
        if (csv == null || csv.length == 0) {
            errors.add(new BatchError(0, "file", Problem.REQUIRED, "the file is empty"));
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString());
        } catch (CharacterCodingException e) {
            errors.add(new BatchError(0, "file", Problem.UNKNOWN_CATEGORY, "the file is not UTF-8 text"));
            return Optional.empty();
        }
    }

    private Optional<StoredModelVersion> version(TaskDefinition task, String named, List<BatchError> errors) {
        String name = CaseValidator.text(named);
        if (name.isEmpty()) {
            Optional<StoredModelVersion> answering = AnsweringVersions.of(store, task.id());
            if (answering.isEmpty()) {
                errors.add(new BatchError(0, "modelVersion", Problem.REQUIRED, "task " + task.id() + " has no ACTIVE"
                        + " model version; name a version to score with"));
            }
            return answering;
        }
        Optional<StoredModelVersion> version = store.find(name).filter(v -> v.getTaskId().equals(task.id()));
        if (version.isEmpty()) {
            errors.add(new BatchError(0, "modelVersion", Problem.UNKNOWN_CATEGORY, "no model version " + name
                    + " of task " + task.id()));
        } else if (version.get().getState().equals(LifecycleState.DRAFT.name())) {
            errors.add(new BatchError(0, "modelVersion", Problem.UNKNOWN_CATEGORY, name + " is a DRAFT: only a"
                    + " validated version scores"));
            return Optional.empty();
        }
        return version;
    }

    /** Checks the header; whether the file has follow-up columns for an external validation. */
    private static boolean header(TaskDefinition task, CohortCsv cohort, List<BatchError> errors) {
        List<String> header = cohort.header();
        Set<String> seen = new HashSet<>();
        header.stream().filter(column -> !seen.add(column)).distinct().forEach(column -> errors.add(new BatchError(1,
                column, Problem.UNKNOWN_CATEGORY, "column " + column + " appears more than once")));
        for (FeatureSpec feature : task.features()) {
            if (feature.required() && !header.contains(feature.name())) {
                errors.add(new BatchError(1, feature.name(), Problem.REQUIRED, "column " + feature.name()
                        + " is missing"));
            }
        }
        if (!header.contains(task.treatmentFeature())) {
            errors.add(new BatchError(1, task.treatmentFeature(), Problem.REQUIRED, "column " + task
                    .treatmentFeature() + " (the treatment each row is scored under) is missing"));
        }
        if (header.contains(RISK)) {
            errors.add(new BatchError(1, RISK, Problem.UNKNOWN_CATEGORY, "the file already has a column risk,"
                    + " which the result adds"));
        }
        boolean time = header.contains(TIME);
        boolean event = header.contains(EVENT);
        if (time != event) {
            String missing = time ? EVENT : TIME;
            errors.add(new BatchError(1, missing, Problem.REQUIRED, "column " + missing + " is missing: an external"
                    + " validation needs both time and event"));
        }
        return time && event;
    }

    private static List<CaseValues> rows(TaskDefinition task, CohortCsv cohort, boolean followUp,
            List<BatchError> errors) {
        List<CaseValues> patients = new ArrayList<>();
        for (CohortCsv.Row row : cohort.rows()) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < cohort.header().size(); i++) {
                values.put(cohort.header().get(i), row.fields().get(i));
            }
            List<FieldError> rowErrors = new ArrayList<>();
            CaseValues given = CaseValidator.features(task.features(), values, rowErrors);
            String option = CaseValidator.text(values.get(task.treatmentFeature()));
            if (option.isEmpty()) {
                rowErrors.add(CaseValidator.required(task.treatmentFeature()));
            } else {
                CaseValidator.category(task.treatmentFeature(), option, task.treatmentOptions()).ifPresent(
                        rowErrors::add);
            }
            if (followUp) {
                CaseValidator.number(TIME, org.oncocds.prediction.control.ValueKind.NUMBER, 0.0, null, CaseValidator
                        .text(values.get(TIME))).ifPresent(rowErrors::add);
                CaseValidator.category(EVENT, CaseValidator.text(values.get(EVENT)), List.of("0", "1")).ifPresent(
                        rowErrors::add);
            }
            rowErrors.forEach(error -> errors.add(new BatchError(row.line(), error.field(), error.problem(), "line "
                    + row.line() + ": " + error.message())));
            patients.add(given.withValue(task.treatmentFeature(), option));
        }
        return patients;
    }

    private ExternalValidation validation(TaskDefinition task, CohortCsv cohort, List<Double> risks) {
        int timeColumn = cohort.header().indexOf(TIME);
        int eventColumn = cohort.header().indexOf(EVENT);
        double[] risk = risks.stream().mapToDouble(Double::doubleValue).toArray();
        double[] time = cohort.rows().stream().mapToDouble(row -> Double.parseDouble(row.fields().get(timeColumn)
                .strip())).toArray();
        boolean[] event = new boolean[risk.length];
        for (int i = 0; i < event.length; i++) {
            event[i] = "1".equals(cohort.rows().get(i).fields().get(eventColumn).strip());
        }
        ExternalValidator.Report report = ExternalValidator.validate(risk, time, event, task.horizonDays());
        return new ExternalValidation(report.rows(), report.labelledRows(), report.events(), report
                .censoredBeforeHorizon(), report.auc(), report.harrellC(), report.comparablePairs(),
                report
                        .calibrationInTheLarge(),
                report.calibrationSlope(), report.observedRate(), report.meanPredictedRisk());
    }

    private TrainedModel load(StoredModelVersion version) throws InvalidBatchException {
        try {
            return registry.model(version);
        } catch (ModelLoadRefusedException e) {
            throw new InvalidBatchException(List.of(new BatchError(0, "modelVersion", Problem.UNKNOWN_CATEGORY, e
                    .getMessage())));
        }
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.replaceFirst("^line (\\d+).*", "$1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
