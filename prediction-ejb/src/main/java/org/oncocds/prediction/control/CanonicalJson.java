package org.oncocds.prediction.control;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes maps, lists, strings, numbers, booleans and null as canonical JSON: object keys sorted, no whitespace, numbers
 * in plain decimal without trailing zeros. The same content always gives the same text, so audit records can be
 * compared and hashed.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            string(text, json);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            json.append(value);
        } else if (value instanceof Double number) {
            number(number, json);
        } else if (value instanceof Map<?, ?> map) {
            object(map, json);
        } else if (value instanceof Iterable<?> list) {
            array(list, json);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void number(double number, StringBuilder json) {
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("JSON has no " + number);
        }
        BigDecimal decimal = BigDecimal.valueOf(number).stripTrailingZeros();
        json.append(decimal.signum() == 0 ? "0" : decimal.toPlainString());
    }

    private static void object(Map<?, ?> map, StringBuilder json) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON object keys are strings, not " + key);
            }
            sorted.put(name, value);
        });
        json.append('{');
        String separator = "";
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            json.append(separator);
            string(entry.getKey(), json);
            json.append(':');
            write(entry.getValue(), json);
            separator = ",";
        }
        json.append('}');
    }

    private static void array(Iterable<?> list, StringBuilder json) {
        json.append('[');
        String separator = "";
        for (Object element : list) {
            json.append(separator);
            write(element, json);
            separator = ",";
        }
        json.append(']');
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        json.append('"');
    }
}
