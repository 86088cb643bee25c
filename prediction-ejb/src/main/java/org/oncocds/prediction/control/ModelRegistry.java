package org.oncocds.prediction.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * The tasks this installation answers and the model versions loaded from the registry, each checked once when it is
 * first needed (see {@link ModelArtifacts#load}) and then kept in memory for scoring.
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

    private final Map<String, TrainedModel> loaded = new ConcurrentHashMap<>();

    public List<TaskDefinition> tasks() {
        return List.of(ColonRecurrence.TASK, RotterdamRelapseFree.TASK);
    }

    public Optional<TaskDefinition> task(String taskId) {
        return tasks().stream().filter(task -> task.id().equals(taskId)).findFirst();
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

    private static List<LabelledCase> cohort(String taskId) {
        Supplier<List<LabelledCase>> cohort = SHIPPED_COHORTS.get(taskId);
        if (cohort == null) {
            throw new IllegalArgumentException("no training data for task " + taskId);
        }
        return cohort.get();
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
        long started = System.nanoTime();
        TrainedModel model = ModelArtifacts.load(task, StoredModel.of(stored));
        LOG.info(() -> "loaded " + model.version() + " (SHA-256 " + model.sha256() + ") from the registry in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        loaded.put(model.version(), model);
        return model;
    }

    /** Loads a stored version again from its bytes, whatever is in memory, with every check of {@link #model}. */
    public TrainedModel reload(StoredModelVersion stored) {
        loaded.remove(stored.getVersion());
        return model(stored);
    }
}
