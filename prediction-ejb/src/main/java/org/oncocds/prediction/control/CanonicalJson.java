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

    /** The text quoted, with the characters JSON must escape escaped; runs of other characters copied at once. */
    private static void string(String text, StringBuilder json) {
        json.append('"');
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String escape = escape(text.charAt(i));
            if (escape != null) {
                json.append(text, copied, i).append(escape);
                copied = i + 1;
            }
        }
        json.append(text, copied, text.length()).append('"');
    }

    /** How JSON writes {@code c} inside a string, or null when it stands for itself. */
    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
