package org.oncocds.audit.boundary;

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

class PatientPseudonymsTest {

    private static final String KEY = "test-key-0123456789abcdef0123456789";
    private static final String OTHER_KEY = "another-key-0123456789abcdef01234567";

    private static PatientPseudonyms keyedWith(String key) {
        return new PatientPseudonyms(Optional.ofNullable(key));
    }

    @Test
    void sameMrnGivesSamePseudonym() {
        assertEquals(keyedWith(KEY).pseudonymOf("MRN-0012345"), keyedWith(KEY).pseudonymOf("MRN-0012345"));
    }

    @Test
    void differentMrnsGiveDifferentPseudonyms() {
        assertNotEquals(keyedWith(KEY).pseudonymOf("MRN-0012345"), keyedWith(KEY).pseudonymOf("MRN-0012346"));
    }

    @Test
    void differentKeyGivesDifferentPseudonym() {
        assertNotEquals(keyedWith(KEY).pseudonymOf("MRN-0012345"), keyedWith(OTHER_KEY).pseudonymOf("MRN-0012345"));
    }

    @Test
    void pseudonymIsHmacSha256OfTheMrnInLowerCaseHex() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("MRN-0012345".getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, keyedWith(KEY).pseudonymOf("MRN-0012345"));
    }

    @Test
    void matchesAVectorComputedWithOpenSsl() {
        // printf '%s' 'MRN-0012345' | openssl dgst -sha256 -hmac 'test-key-0123456789abcdef0123456789'
        assertEquals("717874dd5dddeb788f6ffa7b9c7bb1d7e58b9d3db2ecf9c0ac5094f97b0c5499",
                keyedWith(KEY).pseudonymOf("MRN-0012345"));
    }

    @Test
    void surroundingWhiteSpaceIsIgnored() {
        assertEquals(keyedWith(KEY).pseudonymOf("MRN-0012345"), keyedWith(KEY).pseudonymOf("  MRN-0012345\t"));
    }

    @Test
    void pseudonymDoesNotContainTheMrn() {
        String pseudonym = keyedWith(KEY).pseudonymOf("4711");
        assertFalse(pseudonym.contains("4711"));
        assertTrue(pseudonym.matches("[0-9a-f]{64}"));
    }

    @Test
    void blankMrnIsRefused() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> keyedWith(KEY).pseudonymOf("   "));
        assertTrue(blank.getMessage().contains("mrn"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> keyedWith(KEY).pseudonymOf(null));
        assertTrue(missing.getMessage().contains("mrn"));
    }

    @Test
    void missingKeyIsRefusedNamingTheProperty() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> keyedWith(null).pseudonymOf("MRN-0012345"));
        assertTrue(refused.getMessage().contains("oncocds.pseudonym.key"));
    }

    @Test
    void shortKeyIsRefusedWithoutRevealingIt() {
        String shortKey = "too-short-secret";
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> keyedWith(shortKey).pseudonymOf("MRN-0012345"));
        assertTrue(refused.getMessage().contains("oncocds.pseudonym.key"));
        assertFalse(refused.getMessage().contains(shortKey));
    }
}
