package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * A version loads only if the hashes stored with it are the ones its sealed MODEL_TRAINED record names: a row whose
 * model and hash were both rewritten in the database is refused, and so is a version the audit trail never recorded.
 */
class SealedTrainingRecordTest {

    private final StoredModelVersion colon = TrainedRegistry.store().find("colon-recurrence-5y/1").orElseThrow();

    @Test
    void aVersionWhoseStoredHashesAreTheSealedOnesLoads() {
        ModelRegistry registry = registrySealing(Optional.of(sealedHashesOf(colon)));
        assertEquals(colon.getSha256(), registry.model(colon).sha256());
    }

    @Test
    void aVersionWhoseModelHashDiffersFromItsSealedRecordIsRefused() {
        Map<String, String> sealed = new HashMap<>(sealedHashesOf(colon));
        sealed.put("sha256", "0".repeat(64));
        ModelRegistry registry = registrySealing(Optional.of(sealed));

        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> registry.model(colon));

        assertEquals("colon-recurrence-5y/1", refused.version());
        assertTrue(refused.getMessage().contains("stored sha256 " + colon.getSha256()
                + " is not the one its sealed MODEL_TRAINED record names (" + "0".repeat(64) + ")"),
                refused.getMessage());
    }

    @Test
    void aVersionWithoutATrainingRecordIsRefused() {
        ModelRegistry registry = registrySealing(Optional.empty());

        ModelLoadRefusedException refused = assertThrows(ModelLoadRefusedException.class, () -> registry.model(colon));

        assertTrue(refused.getMessage().contains("no MODEL_TRAINED record"), refused.getMessage());
    }

    private static Map<String, String> sealedHashesOf(StoredModelVersion stored) {
        return Map.of("taskId", stored.getTaskId(), "sha256", stored.getSha256(), "bootstrapSha256", stored
                .getBootstrapSha256(), "trainingDataSha256", stored.getTrainingDataSha256());
    }

    /** A fresh registry (nothing loaded yet) whose audit trail answers the version's MODEL_TRAINED details. */
    private static ModelRegistry registrySealing(Optional<Map<String, String>> details) {
        ModelRegistry registry = new ModelRegistry();
        registry.governance = new GovernanceLog() {
            @Override
            public Optional<Map<String, String>> latestDetails(GovernanceAction action, String subject) {
                assertEquals(GovernanceAction.MODEL_TRAINED, action);
                assertEquals("model colon-recurrence-5y/1", subject);
                return details;
            }
        };
        return registry;
    }
}
