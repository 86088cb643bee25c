package org.oncocds.prediction.boundary;

import java.util.Optional;
import java.util.logging.Logger;
import org.oncocds.prediction.control.VersionStore;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * Which version answers a task's recommendations: its ACTIVE version. Until deployments activate their models (the
 * switch {@value #REQUIRE_ACTIVE} is false, the default), a task of which no version was ever approved is answered by
 * its newest VALIDATED or APPROVED version, with a warning in the log; a task that had an approved version but has no
 * ACTIVE one now is refused either way.
 */
final class AnsweringVersions {

    static final String REQUIRE_ACTIVE = "oncocds.prediction.require-active-model";

    private static final Logger LOG = Logger.getLogger(AnsweringVersions.class.getName());

    private AnsweringVersions() {
    }

    /** The answering version, or empty when the task has none (see the class comment). */
    static Optional<StoredModelVersion> of(VersionStore store, String taskId, boolean requireActive) {
        Optional<StoredModelVersion> active = store.active(taskId);
        if (active.isPresent() || requireActive || store.everApproved(taskId)) {
            return active;
        }
        Optional<StoredModelVersion> fallback = store.ofTask(taskId).stream().filter(version -> version.getState()
                .equals(LifecycleState.VALIDATED.name()) || version.getState().equals(LifecycleState.APPROVED.name()))
                .findFirst();
        fallback.ifPresent(version -> LOG.warning(() -> "task " + taskId + " has no ACTIVE model version and none was"
                + " ever approved: answering with " + version.getVersion() + " (" + version.getState() + ") because "
                + REQUIRE_ACTIVE + " is false; activate an approved version and set it to true"));
        return fallback;
    }

    /** As {@link #of}, refusing when there is none. */
    static StoredModelVersion required(VersionStore store, String taskId, boolean requireActive) {
        return of(store, taskId, requireActive).orElseThrow(() -> new NoActiveModelException(taskId));
    }
}
