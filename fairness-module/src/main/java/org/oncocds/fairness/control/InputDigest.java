package org.oncocds.fairness.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a report's input rows in a canonical form, so a stored report names exactly the data it was computed
 * from. Each row is {@code label,score} followed by every attribute sorted by name as {@code ;name=value}, names and
 * values prefixed by their length in characters ({@code ;3:sex=1:1}) so no value can imitate a separator, and ends
 * with a line feed; the score is Java's shortest round-trip decimal ({@link Double#toString(double)}). UTF-8.
 */
public final class InputDigest {

    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(128);

    public InputDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public void add(int label, double score, Map<String, String> attributes) {
        line.setLength(0);
        line.append(label).append(',').append(score);
        if (attributes != null) {
            new TreeMap<>(attributes).forEach((name, value) -> line.append(';').append(name.length()).append(':')
                    .append(name).append('=').append(value == null ? -1 : value.length()).append(':').append(
                            value == null ? "" : value));
        }
        line.append('\n');
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex; the digest cannot be used afterwards. */
    public String finishHex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
