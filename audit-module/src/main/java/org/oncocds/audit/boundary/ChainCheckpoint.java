package org.oncocds.audit.boundary;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chain head at one moment, signed with the seal key, for a compliance officer to keep outside the system. Deleting
 * the newest records leaves a shorter chain that verifies on its own; verified against a kept checkpoint it does not
 * ({@link AuditTrail#verifyChainAgainst(ChainCheckpoint)}). The signature is HMAC-SHA-256 under the seal key, so only
 * the audit trail itself can check it: a checkpoint altered outside is refused.
 *
 * @param sequenceNumber
 *            the number of records in the chain when the checkpoint was taken
 * @param hash
 *            the hash of the last of them (64 zeros for an empty chain)
 * @param takenAt
 *            when it was taken (UTC, microsecond precision)
 * @param signature
 *            HMAC-SHA-256 under the seal key over the three values above, 64 hex digits
 */
public record ChainCheckpoint(long sequenceNumber, String hash, Instant takenAt, String signature) {

    private static final String FORM = "oncocds-audit-checkpoint/1";
    private static final Pattern TEXT = Pattern.compile(Pattern.quote(FORM)
            + " sequenceNumber=(\\d+) hash=([0-9a-f]{64}) takenAt=(\\S+) signature=([0-9a-f]{64})");

    /** One line of text to download and keep, e.g. in the compliance office's records. */
    public String asText() {
        return FORM + " sequenceNumber=" + sequenceNumber + " hash=" + hash + " takenAt=" + takenAt + " signature="
                + signature;
    }

    /**
     * Reads a checkpoint from {@link #asText()}; surrounding white space is ignored.
     *
     * @throws IllegalArgumentException
     *             naming {@code checkpoint} when the text is not one
     */
    public static ChainCheckpoint parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("checkpoint is not a checkpoint the audit trail exported (" + FORM
                    + " sequenceNumber=... hash=... takenAt=... signature=...)");
        }
        try {
            return new ChainCheckpoint(Long.parseLong(matcher.group(1)), matcher.group(2),
                    Instant.parse(matcher.group(3)), matcher.group(4));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint has an unreadable sequence number or time", e);
        }
    }
}
