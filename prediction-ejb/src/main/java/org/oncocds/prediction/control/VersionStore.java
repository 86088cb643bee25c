package org.oncocds.prediction.control;

import java.util.List;
import java.util.Optional;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Where model versions are kept: the database in the application ({@link DatabaseVersionStore}); a version read from
 * it is managed, so a change of its state is written when the caller's transaction commits.
 */
public interface VersionStore {

    /** The number the task's next version gets: one more than the highest so far, 1 for the first. */
    int nextNumber(String taskId);

    void add(StoredModelVersion version);

    Optional<StoredModelVersion> find(String version);

    /** The task's versions, newest first. */
    List<StoredModelVersion> ofTask(String taskId);

    /** The task's ACTIVE version, if any (the database holds at most one). */
    Optional<StoredModelVersion> active(String taskId);

    /** Whether any version of the task was ever approved (whatever its state now). */
    boolean everApproved(String taskId);

    /** Writes pending changes now, so that a constraint violation surfaces in the call that caused it. */
    void flush();
}
