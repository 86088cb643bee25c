package org.oncocds.prediction.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.DatasetFile;
import org.oncocds.prediction.control.ModelArtifacts;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinitionJson;
import org.oncocds.prediction.control.TaskStore;
import org.oncocds.prediction.control.TaskUploadLimits;
import org.oncocds.prediction.control.UploadIssues;
import org.oncocds.prediction.control.UploadedCohort;
import org.oncocds.prediction.control.UploadedTaskDefinition;
import org.oncocds.prediction.entity.StoredTask;

/**
 * Administrators add prediction tasks from an uploaded dataset (CSV or ARFF) and its JSON definition (see
 * docs/model-registry.md, "Adding a task"). The upload is validated whole: when the definition is invalid or any row is
 * malformed, it is refused with every problem found (up to {@link #MAX_PROBLEMS}), row and column named, and nothing is
 * stored. An accepted task is stored with its dataset (bytes and SHA-256) and recorded as TASK_ADDED in the same
 * transaction; it has no model version until an administrator trains one.
 */
@Stateless
@RolesAllowed(ModelVersions.ADMIN)
public class TaskUploads {

    /** The largest dataset file accepted: 64 MiB. */
    public static final int MAX_DATASET_BYTES = TaskUploadLimits.MAX_DATASET_BYTES;

    /** At most this many problems are reported for one refused upload. */
    public static final int MAX_PROBLEMS = TaskUploadLimits.MAX_PROBLEMS;

    private static final Logger LOG = Logger.getLogger(TaskUploads.class.getName());

    @Inject
    TaskStore store;

    @Inject
    ModelRegistry registry;

    @Inject
    GovernanceLog governance;

    @Resource
    SessionContext session;

    /** Who is calling; the container's caller (replaced in unit tests). */
    Supplier<String> caller = () -> session.getCallerPrincipal().getName();

    /**
     * Validates and stores the task.
     *
     * @return the new task, without an active model
     * @throws InvalidTaskUploadException
     *             with every problem found; nothing was stored or recorded
     */
    public TaskDescription add(TaskUpload upload) throws InvalidTaskUploadException {
        UploadIssues issues = new UploadIssues(MAX_PROBLEMS);
        if (upload == null) {
            throw refused(List.of(new UploadProblem("upload", null, null, "upload: the file and definition are "
                    + "required")));
        }
        Optional<String> format = format(upload.fileName(), issues);
        boolean bytesOk = checkSize(upload.dataset(), issues);
        Optional<UploadedTaskDefinition> definition = TaskDefinitionJson.parse(upload.definitionJson(), issues);
        definition.ifPresent(valid -> checkIdFree(valid.task().id(), issues));
        Optional<UploadedCohort> cohort = Optional.empty();
        if (format.isPresent() && bytesOk) {
            Optional<DatasetFile> file = DatasetFile.read(format.get(), upload.dataset(), issues);
            if (file.isPresent() && definition.isPresent()) {
                cohort = Optional.of(UploadedCohort.check(definition.get(), file.get(), issues));
            }
        }
        if (!issues.isEmpty() || definition.isEmpty() || cohort.isEmpty()) {
            throw refused(issues.list().stream().map(issue -> new UploadProblem(issue.field(), issue.row(), issue
                    .column(), issue.message())).toList());
        }
        return store(upload, definition.get(), cohort.get());
    }

    private TaskDescription store(TaskUpload upload, UploadedTaskDefinition definition, UploadedCohort cohort)
            throws InvalidTaskUploadException {
        String taskId = definition.task().id();
        String sha256 = ModelArtifacts.sha256(upload.dataset());
        String fileName = upload.fileName().strip();
        String addedBy = caller.get();
        try {
            store.add(new StoredTask(taskId, definition.canonicalJson(), fileName, upload.dataset(), sha256, cohort
                    .rows(), cohort.labelled(), addedBy, Instant.now()));
        } catch (RuntimeException e) {
            if (isConstraintViolation(e)) {
                throw refused(List.of(new UploadProblem("definition.id", null, null, "definition.id: the task id "
                        + taskId + " was taken at the same moment by another upload")));
            }
            throw e;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("taskId", taskId);
        details.put("fileName", fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
        details.put("datasetSha256", sha256);
        details.put("rows", String.valueOf(cohort.rows()));
        details.put("selectedRows", String.valueOf(cohort.selected()));
        details.put("labelledRows", String.valueOf(cohort.labelled()));
        details.put("events", String.valueOf(cohort.events()));
        details.put("horizonDays", String.valueOf(definition.task().horizonDays()));
        governance.record(new GovernanceEvent(UUID.randomUUID().toString(), GovernanceAction.TASK_ADDED, "task "
                + taskId, details));
        LOG.info(() -> "task " + taskId + " added by " + addedBy + " from " + cohort.rows() + " rows ("
                + cohort.labelled() + " labelled), dataset SHA-256 " + sha256);
        return Descriptions.task(definition.task(), null);
    }

    private static Optional<String> format(String fileName, UploadIssues issues) {
        if (fileName == null || fileName.isBlank()) {
            issues.add("fileName", "fileName: the dataset's file name is required (ending .csv or .arff)");
            return Optional.empty();
        }
        Optional<String> format = DatasetFile.format(fileName);
        if (format.isEmpty()) {
            issues.add("fileName", "fileName: " + fileName.strip() + " must end in .csv or .arff");
        }
        return format;
    }

    private static boolean checkSize(byte[] dataset, UploadIssues issues) {
        if (dataset == null || dataset.length == 0) {
            issues.add("dataset", "dataset: the file is empty");
            return false;
        }
        if (dataset.length > MAX_DATASET_BYTES) {
            issues.add("dataset", "dataset: the file has " + dataset.length + " bytes; at most " + MAX_DATASET_BYTES
                    + " (64 MiB) are accepted");
            return false;
        }
        return true;
    }

    private void checkIdFree(String taskId, UploadIssues issues) {
        if (registry.task(taskId).isPresent()) {
            issues.add("definition.id", "definition.id: a task " + taskId + " already exists");
        }
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static InvalidTaskUploadException refused(List<UploadProblem> problems) {
        return new InvalidTaskUploadException(problems);
    }
}
