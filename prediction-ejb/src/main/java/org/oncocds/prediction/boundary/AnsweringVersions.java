package org.oncocds.prediction.boundary;

import java.util.Optional;
import org.oncocds.prediction.control.VersionStore;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Which version answers a task: only its ACTIVE version (approved by a compliance officer's bias-report sign-off and
 * activated by an administrator). There is no way around it: a task without an ACTIVE version gives no predictions.
 */
final class AnsweringVersions {

    private AnsweringVersions() {
    }

    /** The task's ACTIVE version, or empty. */
    static Optional<StoredModelVersion> of(VersionStore store, String taskId) {
        return store.active(taskId);
    }

    /** As {@link #of}, refusing with {@link NoActiveModelException} when there is none. */
    static StoredModelVersion required(VersionStore store, String taskId) {
        return of(store, taskId).orElseThrow(() -> new NoActiveModelException(taskId));
    }
}
