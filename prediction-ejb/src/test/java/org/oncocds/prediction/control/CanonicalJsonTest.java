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
