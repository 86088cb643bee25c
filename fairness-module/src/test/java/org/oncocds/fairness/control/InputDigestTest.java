package org.oncocds.fairness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDigestTest {

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                StandardCharsets.UTF_8)));
    }

    private static String digestOf(Object[]... rows) {
        InputDigest digest = new InputDigest();
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, String> attributes = (Map<String, String>) row[2];
            digest.add((Integer) row[0], (Double) row[1], attributes);
        }
        return digest.finishHex();
    }

    @Test
    void hashesTheCanonicalFormWrittenOutByHand() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sex", "1");
        attributes.put("age", "67");
        attributes.put("rx", "Lev+5FU");
        String expected = sha256("1,0.25;3:age=2:67;2:rx=7:Lev+5FU;3:sex=1:1\n0,0.1;3:age=2:45\n");
        assertEquals(expected, digestOf(new Object[]{1, 0.25, attributes}, new Object[]{0, 0.1, Map.of("age",
                "45")}));
    }

    @Test
    void theOrderOfAttributesInAMapDoesNotMatterButTheOrderOfRowsDoes() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("a", "x");
        one.put("b", "y");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("b", "y");
        other.put("a", "x");
        Object[] first = {1, 0.5, one};
        Object[] second = {0, 0.5, Map.of("a", "z")};
        assertEquals(digestOf(first, second), digestOf(new Object[]{1, 0.5, other}, second));
        assertNotEquals(digestOf(first, second), digestOf(second, first));
    }

    @Test
    void aValueCannotImitateASeparator() {
        assertNotEquals(digestOf(new Object[]{1, 0.5, Map.of("a", "1;1:b=1:2")}), digestOf(new Object[]{1, 0.5, Map
                .of("a", "1", "b", "2")}));
    }

    @Test
    void everyDigitOfTheScoreCounts() {
        assertNotEquals(digestOf(new Object[]{1, 0.5, Map.of()}), digestOf(new Object[]{1, 0.5000001, Map.of()}));
        assertNotEquals(digestOf(new Object[]{1, 0.5, Map.of()}), digestOf(new Object[]{0, 0.5, Map.of()}));
    }
}
