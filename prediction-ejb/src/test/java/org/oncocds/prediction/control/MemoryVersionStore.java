package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Model versions in memory, for unit tests of the boundary; like the database it refuses a second ACTIVE version of a
 * task and a second version of one name when changes are flushed.
 */
public final class MemoryVersionStore implements VersionStore {

    private final List<StoredModelVersion> versions = new ArrayList<>();

    @Override
    public int nextNumber(String taskId) {
        return versions.stream().filter(v -> v.getTaskId().equals(taskId)).mapToInt(StoredModelVersion::getNumber)
                .max().orElse(0) + 1;
    }

    @Override
    public void add(StoredModelVersion version) {
        versions.add(version);
        flush();
    }

    @Override
    public Optional<StoredModelVersion> find(String version) {
        return versions.stream().filter(v -> v.getVersion().equals(version)).findFirst();
    }

    @Override
    public List<StoredModelVersion> ofTask(String taskId) {
        return versions.stream().filter(v -> v.getTaskId().equals(taskId)).sorted(Comparator.comparingInt(
                StoredModelVersion::getNumber).reversed()).toList();
    }

    @Override
    public Optional<StoredModelVersion> active(String taskId) {
        return versions.stream().filter(v -> taskId.equals(v.getActiveTask())).findFirst();
    }

    @Override
    public boolean everApproved(String taskId) {
        return versions.stream().anyMatch(v -> v.getTaskId().equals(taskId) && v.getApprovedAt() != null);
    }

    @Override
    public void flush() {
        List<String> active = versions.stream().map(StoredModelVersion::getActiveTask).filter(Objects::nonNull)
                .toList();
        if (active.size() != active.stream().distinct().count()) {
            throw new IllegalStateException("unique constraint PREDICTION_ONE_ACTIVE_PER_TASK violated");
        }
    }
}
