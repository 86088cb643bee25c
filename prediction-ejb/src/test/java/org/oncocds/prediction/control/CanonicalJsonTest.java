package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", true);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", List.of("x", 2L));
        assertEquals("{\"a\":[\"x\",2],\"b\":{\"a\":true,\"z\":1}}", CanonicalJson.of(outer));
    }

    @Test
    void writesNumbersInPlainDecimalWithoutTrailingZeros() {
        assertEquals("[63,0.5,0,0.000001,-0.25,1234567]", CanonicalJson.of(List.of(63.0, 0.50, -0.0, 1e-6, -0.25,
                1234567.0)));
    }

    @Test
    void escapesStrings() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001é\"", CanonicalJson.of("a\"b\\c\nd\u0001é"));
    }

    @Test
    void escapedStringsReadBackAsTheTextWithEveryKindOfCharacter() {
        java.util.Random random = new java.util.Random(3);
        char[] alphabet = "ab é≤č\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\ud83d\ude00".toCharArray();
        for (int trial = 0; trial < 2000; trial++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String json = CanonicalJson.of(text.toString());
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
                assertEquals(text.toString(), ((jakarta.json.JsonString) reader.readValue()).getString(), json);
            }
        }
    }

    @Test
    void writesNull() {
        assertEquals("[null]", CanonicalJson.of(Arrays.asList((Object) null)));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(new Object()));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(Map.of(1, "a")));
    }
}
