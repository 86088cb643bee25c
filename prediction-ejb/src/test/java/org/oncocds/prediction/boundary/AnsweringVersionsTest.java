package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.MemoryVersionStore;
import org.oncocds.prediction.control.TrainedRegistry;
import org.oncocds.prediction.entity.StoredModelVersion;

/** Which version answers: the ACTIVE one; the newest validated one only while the task was never approved. */
class AnsweringVersionsTest {

    private static final String TASK = "colon-recurrence-5y";

    private final MemoryVersionStore store = TrainedRegistry.store();
    private final StoredModelVersion first = store.find(TASK + "/1").orElseThrow();

    @Test
    void withTheSwitchOnATaskWithoutAnActiveVersionIsRefusedByName() {
        assertTrue(AnsweringVersions.of(store, TASK, true).isEmpty());
        NoActiveModelException refused = assertThrows(NoActiveModelException.class, () -> AnsweringVersions.required(
                store, TASK, true));
        assertEquals(TASK, refused.taskId());
        assertTrue(refused.getMessage().startsWith("task colon-recurrence-5y has no ACTIVE model version"));
    }

    @Test
    void withTheSwitchOffANeverApprovedTaskFallsBackToItsNewestValidatedVersion() {
        assertEquals(first, AnsweringVersions.required(store, TASK, false));
    }

    @Test
    void theActiveVersionAnswersEitherWay() {
        approve(first);
        first.setState("ACTIVE", "admin", Instant.now());
        assertEquals(first, AnsweringVersions.required(store, TASK, true));
        assertEquals(first, AnsweringVersions.required(store, TASK, false));
    }

    @Test
    void aTaskThatHadAnApprovedVersionButNoActiveOneIsRefusedEvenWithTheSwitchOff() {
        approve(first);
        first.setState("RETIRED", "admin", Instant.now());
        assertThrows(NoActiveModelException.class, () -> AnsweringVersions.required(store, TASK, false));
    }

    private static void approve(StoredModelVersion version) {
        version.setApproval(3, "kim", Instant.now());
        version.setState("APPROVED", "kim", Instant.now());
    }
}
