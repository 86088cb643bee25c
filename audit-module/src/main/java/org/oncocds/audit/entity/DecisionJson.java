package org.oncocds.audit.entity;

/**
 * A decision as a small JSON document, {@code {"chosenOption":...,"decision":...,"reason":...,
 * "recommendationRecordId":...}} with keys in that order and absent values left out, so readers of a record's inputs see
 * the decision without knowing the decision columns.
 */
final class DecisionJson {

    private DecisionJson() {
    }

    static String of(long recommendationRecordId, String decision, String chosenOption, String reason) {
        StringBuilder json = new StringBuilder("{");
        if (chosenOption != null) {
            json.append("\"chosenOption\":").append(quoted(chosenOption)).append(',');
        }
        json.append("\"decision\":").append(quoted(decision)).append(',');
        if (reason != null) {
            json.append("\"reason\":").append(quoted(reason)).append(',');
        }
        return json.append("\"recommendationRecordId\":").append(recommendationRecordId).append('}').toString();
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static String quoted(String text) {
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
