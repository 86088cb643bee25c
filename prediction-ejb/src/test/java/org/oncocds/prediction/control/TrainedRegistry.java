package org.oncocds.prediction.control;

import java.time.Instant;
import java.util.List;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * A {@link ModelRegistry} and a store holding version 1 of each shipped task, VALIDATED, as after the first start; for
 * unit tests of the boundary.
 */
public final class TrainedRegistry {

    private static final ModelRegistry REGISTRY = new ModelRegistry();
    private static final List<TrainedModel> FIRST_VERSIONS = REGISTRY.tasks().stream().map(task -> REGISTRY.train(task
            .id(), Runnable::run, fold -> {
            }).named(task.id() + "/1")).toList();

    private TrainedRegistry() {
    }

    public static ModelRegistry create() {
        return REGISTRY;
    }

    /** A fresh store with version 1 of each shipped task, VALIDATED (the trained models are shared). */
    public static MemoryVersionStore store() {
        MemoryVersionStore store = new MemoryVersionStore();
        for (TrainedModel model : FIRST_VERSIONS) {
            store.add(validated(model, 1));
        }
        return store;
    }

    /** Marks a stored version approved (bias report 1) and ACTIVE, as the fairness sign-off and an admin would. */
    public static StoredModelVersion activate(StoredModelVersion version) {
        version.setApproval(1, "compliance", Instant.now());
        version.setState("ACTIVE", "admin", Instant.now());
        return version;
    }

    /** A fresh store with version 1 of each shipped task ACTIVE. */
    public static MemoryVersionStore activeStore() {
        MemoryVersionStore store = store();
        for (TrainedModel model : FIRST_VERSIONS) {
            activate(store.find(model.version()).orElseThrow());
        }
        return store;
    }

    /** The trained (never loaded) version 1 of a shipped task. */
    public static TrainedModel firstVersion(String taskId) {
        return FIRST_VERSIONS.stream().filter(model -> model.task().id().equals(taskId)).findFirst().orElseThrow();
    }

    /** The model stored as VALIDATED version {@code number}. */
    public static StoredModelVersion validated(TrainedModel model, int number) {
        StoredModelVersion stored = VersionRecords.draft(model, number, "system", Instant.now());
        stored.setState("VALIDATED", "system", Instant.now());
        return stored;
    }
}
