package org.oncocds.prediction.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.entity.StoredModelVersion;
import org.oncocds.prediction.entity.StoredTask;

/**
 * The tasks this installation answers (the shipped ones, then those administrators added from uploaded datasets) and the
 * model versions loaded from the registry, each checked once when it is first needed (see {@link ModelArtifacts#load})
 * and then kept in memory for scoring. An uploaded task never changes once stored, so its parsed definition is kept too.
 * <p>
 * Bean-managed concurrency: the loaded models sit in a concurrent map; loading the same version twice at once is
 * harmless (both loads give the same model), so readers need no lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    private static final Map<String, Supplier<List<LabelledCase>>> SHIPPED_COHORTS = Map.of(ColonRecurrence.TASK.id(),
            ColonRecurrence::cohort, RotterdamRelapseFree.TASK.id(), RotterdamRelapseFree::cohort);

    private static final List<TaskDefinition> SHIPPED = List.of(ColonRecurrence.TASK, RotterdamRelapseFree.TASK);

    private final Map<String, TrainedModel> loaded = new ConcurrentHashMap<>();

    /** Uploaded definitions already read, by their canonical JSON (a stored task never changes). */
    private final Map<String, UploadedTaskDefinition> uploaded = new ConcurrentHashMap<>();

    /** Uploaded tasks already read, by id (ids are never reused: the table's key). */
    private final Map<String, TaskDefinition> uploadedById = new ConcurrentHashMap<>();

    /** The sealed records of training; null outside a container (unit tests). */
    @EJB
    GovernanceLog governance;

    /** The uploaded tasks; null outside a container (unit tests of the shipped tasks). */
    @EJB
    TaskStore taskStore;

    /** The shipped tasks, then the uploaded ones in the order they were added. */
    public List<TaskDefinition> tasks() {
        List<TaskDefinition> tasks = new ArrayList<>(SHIPPED);
        if (taskStore != null) {
            taskStore.definitions().values().forEach(json -> tasks.add(uploaded(json).task()));
        }
        return List.copyOf(tasks);
    }

    /** The tasks shipped with OncoCDS (defined in code, trained at the first start). */
    public List<TaskDefinition> shippedTasks() {
        return SHIPPED;
    }

    /** The task of an id; an uploaded one is read from the database once, then kept (a stored task never changes). */
    public Optional<TaskDefinition> task(String taskId) {
        Optional<TaskDefinition> shipped = SHIPPED.stream().filter(task -> task.id().equals(taskId)).findFirst();
        if (shipped.isPresent() || taskStore == null || taskId == null) {
            return shipped;
        }
        TaskDefinition known = uploadedById.get(taskId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TaskDefinition> stored = taskStore.definition(taskId).map(json -> uploaded(json).task());
        stored.ifPresent(task -> uploadedById.put(taskId, task));
        return stored;
    }

    private UploadedTaskDefinition uploaded(String json) {
        return uploaded.computeIfAbsent(json, definition -> TaskDefinitionJson.parse(definition, new UploadIssues(
                TaskUploadLimits.MAX_PROBLEMS)).orElseThrow(
                        () -> new IllegalStateException(
                                "a stored task definition no longer reads: " + definition)));
    }

    /**
     * Trains the task's default algorithm (ridge logistic regression with missing values replaced) on its shipped data,
     * with its cross-validation ({@code foldsDone} hears each fold) and bootstrap models (on {@code executor}). The
     * model is not stored: its version is named when the registry stores it.
     */
    public TrainedModel train(String taskId, Executor executor, IntConsumer foldsDone) {
        return train(taskId, Algorithm.LOGISTIC, Map.of("ridge", String.valueOf(ModelTrainer.RIDGE)), executor,
                foldsDone);
    }

    /**
     * As {@link #train(String, Executor, IntConsumer)} with {@code algorithm} and its options (validated against
     * {@link Algorithm#options()}; missing ones take their defaults).
     */
    public TrainedModel train(String taskId, Algorithm algorithm, Map<String, String> options, Executor executor,
            IntConsumer foldsDone) {
        TaskDefinition task = task(taskId).orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
        long started = System.nanoTime();
        TrainedModel model = ModelTrainer.train(task, cohort(taskId), taskId + "/new", algorithm.untrained(options),
                executor, foldsDone);
        LOG.info(() -> "trained " + taskId + " on " + model.trainingRows() + " patients with its cross-validation and "
                + model.bootstrapModels() + " bootstrap models in " + (System.nanoTime() - started) / 1_000_000
                + " ms, SHA-256 " + model.sha256());
        return model;
    }

    private List<LabelledCase> cohort(String taskId) {
        Supplier<List<LabelledCase>> cohort = SHIPPED_COHORTS.get(taskId);
        if (cohort != null) {
            return cohort.get();
        }
        StoredTask stored = taskStore == null ? null : taskStore.find(taskId).orElse(null);
        if (stored == null) {
            throw new IllegalArgumentException("no training data for task " + taskId);
        }
        return UploadedCohort.cases(uploaded(stored.getDefinitionJson()), stored.getFileName(), stored
                .getDatasetBytes());
    }

    /**
     * The model of a stored version, loaded and checked the first time it is asked for.
     *
     * @throws ModelLoadRefusedException
     *             when the stored model fails a check; it is not kept
     */
    public TrainedModel model(StoredModelVersion stored) {
        TrainedModel cached = loaded.get(stored.getVersion());
        if (cached != null && cached.sha256().equals(stored.getSha256())) {
            return cached;
        }
        TaskDefinition task = task(stored.getTaskId()).orElseThrow(() -> new ModelLoadRefusedException(stored
                .getVersion(), "its task " + stored.getTaskId() + " is not defined on this server"));
        checkAgainstSealedTrainingRecord(stored);
        long started = System.nanoTime();
        TrainedModel model = ModelArtifacts.load(task, StoredModel.of(stored));
        LOG.info(() -> "loaded " + model.version() + " (SHA-256 " + model.sha256() + ") from the registry in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        loaded.put(model.version(), model);
        return model;
    }

    /**
     * The hashes stored with the version must be the ones its MODEL_TRAINED governance record sealed when it was trained:
     * the model bytes are checked against the stored hash at load, but whoever could rewrite the row could rewrite both;
     * the sealed record cannot be rewritten without the seal key, which the database never holds.
     *
     * @throws ModelLoadRefusedException
     *             when the record is missing, does not match its hash or seal, or names other hashes
     */
    private void checkAgainstSealedTrainingRecord(StoredModelVersion stored) {
        if (governance == null) {
            return;
        }
        Map<String, String> sealed;
        try {
            sealed = governance.latestDetails(GovernanceAction.MODEL_TRAINED, "model " + stored.getVersion())
                    .orElseThrow(() -> new ModelLoadRefusedException(stored.getVersion(), "the audit trail has no "
                            + "MODEL_TRAINED record of it, so its stored hashes cannot be confirmed"));
        } catch (EJBException unreadable) {
            throw new ModelLoadRefusedException(stored.getVersion(), "its MODEL_TRAINED record could not be confirmed: "
                    + (unreadable.getCause() != null ? unreadable.getCause().getMessage() : unreadable.getMessage()));
        }
        Map<String, String> storedHashes = Map.of("sha256", stored.getSha256(), "bootstrapSha256", stored
                .getBootstrapSha256(), "trainingDataSha256", stored.getTrainingDataSha256());
        storedHashes.forEach((name, value) -> {
            if (!value.equals(sealed.get(name))) {
                throw new ModelLoadRefusedException(stored.getVersion(), "its stored " + name + " " + value
                        + " is not the one its sealed MODEL_TRAINED record names (" + sealed.get(name) + ")");
            }
        });
    }

    /** Loads a stored version again from its bytes, whatever is in memory, with every check of {@link #model}. */
    public TrainedModel reload(StoredModelVersion stored) {
        loaded.remove(stored.getVersion());
        return model(stored);
    }
}
