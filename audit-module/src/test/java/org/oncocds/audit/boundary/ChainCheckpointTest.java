package org.oncocds.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainCheckpointTest {

    private static final ChainCheckpoint CHECKPOINT = new ChainCheckpoint(1234, "ab".repeat(32),
            Instant.parse("2026-11-25T05:00:00.123456Z"), "cd".repeat(32));

    @Test
    void textRoundTrips() {
        assertEquals("oncocds-audit-checkpoint/1 sequenceNumber=1234 hash=" + "ab".repeat(32)
                + " takenAt=2026-11-25T05:00:00.123456Z signature=" + "cd".repeat(32), CHECKPOINT.asText());
        assertEquals(CHECKPOINT, ChainCheckpoint.parse("  " + CHECKPOINT.asText() + "\n"));
    }

    @Test
    void otherTextIsRefusedNamingTheCheckpoint() {
        for (String text : new String[]{null, "", CHECKPOINT.asText().replace("hash=ab", "hash=zz"),
                CHECKPOINT.asText().replace("2026-11-25T05", "2026-13-25T05")}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ChainCheckpoint.parse(text));
            assertTrue(refused.getMessage().startsWith("checkpoint "), refused.getMessage());
        }
    }
}
