package org.oncocds.audit.entity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The unambiguous byte form a record's hash is computed over. Each field is written as
 * {@code <name>=<byte length>:<UTF-8 bytes>;} so no choice of values can make two different records serialize alike
 * (no separator can be forged inside a value), and the field names make the form readable when debugging a broken
 * link. The order of fields is fixed; changing it or the encoding breaks every existing chain, so a new form needs a
 * new version tag.
 */
final class CanonicalForm {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CanonicalForm add(String name, String value) {
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        write(name + "=" + encoded.length + ":");
        bytes.writeBytes(encoded);
        write(";");
        return this;
    }

    /** A value that may be absent: absent is written {@code <name>=~;}, which no present value can produce. */
    CanonicalForm addOptional(String name, String value) {
        if (value == null) {
            write(name + "=~;");
            return this;
        }
        return add(name, value);
    }

    CanonicalForm add(String name, long value) {
        return add(name, Long.toString(value));
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    /** SHA-256 of the form as 64 lower-case hex digits. */
    String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    private void write(String ascii) {
        bytes.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
