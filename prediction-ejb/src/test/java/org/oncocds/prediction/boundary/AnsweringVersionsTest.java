package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.MemoryVersionStore;
import org.oncocds.prediction.control.TrainedRegistry;
import org.oncocds.prediction.entity.StoredModelVersion;

/** Only the ACTIVE version answers. */
class AnsweringVersionsTest {

    private static final String TASK = "colon-recurrence-5y";

    private final MemoryVersionStore store = TrainedRegistry.store();
    private final StoredModelVersion first = store.find(TASK + "/1").orElseThrow();

    @Test
    void aTaskWithoutAnActiveVersionIsRefusedByNameEvenBeforeAnyApproval() {
        assertTrue(AnsweringVersions.of(store, TASK).isEmpty());
        NoActiveModelException refused = assertThrows(NoActiveModelException.class, () -> AnsweringVersions.required(
                store, TASK));
        assertEquals(TASK, refused.taskId());
        assertTrue(refused.getMessage().startsWith("task colon-recurrence-5y has no ACTIVE model version"));
    }

    @Test
    void theActiveVersionAnswers() {
        TrainedRegistry.activate(first);
        assertEquals(first, AnsweringVersions.required(store, TASK));
    }

    @Test
    void aRetiredVersionNeverAnswers() {
        TrainedRegistry.activate(first);
        first.setState("RETIRED", "admin", Instant.now());
        assertTrue(AnsweringVersions.of(store, TASK).isEmpty());
        assertThrows(NoActiveModelException.class, () -> AnsweringVersions.required(store, TASK));
    }
}
