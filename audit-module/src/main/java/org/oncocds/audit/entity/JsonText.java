package org.oncocds.audit.entity;

import java.util.Map;
import java.util.SortedMap;

/** Small JSON documents written byte for byte the same way every time, so they can enter a record's hash. */
public final class JsonText {

    private JsonText() {
    }

    /** {@code {"a":"1","b":"2"}}: a flat object of strings, keys in the map's (sorted) order, no white space. */
    public static String flatObject(SortedMap<String, String> entries) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quoted(entry.getKey())).append(':').append(quoted(entry.getValue()));
        }
        return json.append('}').toString();
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    public static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
