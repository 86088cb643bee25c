package org.oncocds.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.control.ChainSeal;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

class GovernanceLogTest {

    private static final ChainSeal SEAL = ChainSeal.fromConfiguredKey(
            Optional.of("unit-test-seal-key-0123456789abcdef"),
            Optional.empty());

    private static AuditRecord modelTrained(ChainSeal seal) {
        return AuditRecord.governance(ChainHead.genesis(), seal::sealOf, Instant.parse("2026-11-25T10:00:00Z"),
                new AuditRecord.Actor("it-admin", "admin"), "MODEL_TRAINED", "model t/1",
                "{\"rows\":\"614\",\"sha256\":\"ab12\"}", "req-1");
    }

    @Test
    void theDetailsOfARecordThatMatchesItsHashAndSeal() {
        assertEquals(Map.of("rows", "614", "sha256", "ab12"), GovernanceLog.sealedDetails(modelTrained(SEAL), SEAL));
    }

    @Test
    void aChangedRecordOrAForeignSealIsRefused() throws Exception {
        AuditRecord changed = modelTrained(SEAL);
        Field details = AuditRecord.class.getDeclaredField("inputsJson");
        details.setAccessible(true);
        details.set(changed, "{\"rows\":\"614\",\"sha256\":\"ff00\"}");
        assertThrows(IllegalStateException.class, () -> GovernanceLog.sealedDetails(changed, SEAL));

        ChainSeal otherKey = ChainSeal.fromConfiguredKey(Optional.of("another-seal-key-0123456789abcdefgh"),
                Optional.empty());
        assertThrows(IllegalStateException.class, () -> GovernanceLog.sealedDetails(modelTrained(otherKey), SEAL),
                "a record sealed under another key (hashes recomputed by someone without the key)");
    }
}
