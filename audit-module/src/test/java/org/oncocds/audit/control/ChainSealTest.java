package org.oncocds.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ChainSealTest {

    private static final String KEY = "unit-test-seal-key-0123456789abcdef";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ChainSeal seal(String key) {
        return ChainSeal.fromConfiguredKey(Optional.of(key), Optional.of("the-pseudonym-key-0123456789abcdef"));
    }

    @Test
    void sealIsHmacSha256OfTheTaggedHashUnderTheKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal(("oncocds-audit-seal/1:" + HASH).getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, seal(KEY).sealOf(HASH));
        assertTrue(seal(KEY).isSealOf(HASH, expected));
    }

    @Test
    void anotherKeyGivesAnotherSeal() {
        String other = seal("another-seal-key-0123456789abcdef").sealOf(HASH);
        assertNotEquals(seal(KEY).sealOf(HASH), other);
        assertFalse(seal(KEY).isSealOf(HASH, other));
        assertFalse(seal(KEY).isSealOf(HASH, null));
    }

    @Test
    void missingKeyFailsClosedNamingTheProperty() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ChainSeal.fromConfiguredKey(missing, Optional.empty()));
            assertTrue(refused.getMessage().contains("oncocds.audit.seal-key is not set"), refused.getMessage());
        }
    }

    @Test
    void shortKeyFailsClosedWithoutRepeatingIt() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> seal("short-secret-31-characters-long"));
        assertTrue(refused.getMessage().contains("oncocds.audit.seal-key is shorter than 32"), refused.getMessage());
        assertFalse(refused.getMessage().contains("short-secret"), "the key never appears in a message");
    }

    @Test
    void keyEqualToThePseudonymKeyIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ChainSeal.fromConfiguredKey(Optional.of(KEY), Optional.of(KEY)));
        assertTrue(refused.getMessage().contains("must differ from oncocds.pseudonym.key"), refused.getMessage());
        assertFalse(refused.getMessage().contains(KEY));
    }

    @Test
    void checkpointSignatureCoversEveryValueAndDiffersFromASeal() {
        ChainSeal seal = seal(KEY);
        String signature = seal.signatureOfCheckpoint(7, HASH, 1_795_577_400_123_456L);

        assertTrue(seal.isSignatureOfCheckpoint(7, HASH, 1_795_577_400_123_456L, signature));
        assertFalse(seal.isSignatureOfCheckpoint(8, HASH, 1_795_577_400_123_456L, signature));
        assertFalse(seal.isSignatureOfCheckpoint(7, "0".repeat(64), 1_795_577_400_123_456L, signature));
        assertFalse(seal.isSignatureOfCheckpoint(7, HASH, 1_795_577_400_123_457L, signature));
        assertFalse(seal("another-seal-key-0123456789abcdef").isSignatureOfCheckpoint(7, HASH,
                1_795_577_400_123_456L, signature));
        assertNotEquals(seal.sealOf(HASH), signature);
    }
}
