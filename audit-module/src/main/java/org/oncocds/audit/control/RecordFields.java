package org.oncocds.audit.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the fields of an audit record before it is written, so a bad value is refused with a message naming the field
 * instead of failing later as a database error. Messages never repeat the value: it could be a patient identifier.
 */
public final class RecordFields {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private RecordFields() {
    }

    /** The value, if it is present, not blank and at most {@code maxLength} characters long. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** The value in lower case, if it is a SHA-256 digest written as 64 hexadecimal digits. */
    public static String requireSha256Hex(String field, String value) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 64 hexadecimal digits (a SHA-256 digest)");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
