package org.oncocds.audit.boundary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page of a search starts: after the record at {@code sequenceNumber} (its id {@code recordId}), going
 * back in the chain. A keyset position, not an offset, so a page costs the same at row 10 and at row 10 million and
 * records appended meanwhile neither shift nor repeat rows. {@link #asText()} / {@link #parse} carry it through a URL.
 */
public record AuditCursor(long sequenceNumber, long recordId) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

    /** {@code <sequenceNumber>-<recordId>}. */
    public String asText() {
        return sequenceNumber + "-" + recordId;
    }

    /**
     * @throws IllegalArgumentException
     *             naming {@code cursor} when the text is not {@code <sequenceNumber>-<recordId>}
     */
    public static AuditCursor parse(String text) {
        Matcher matcher = text == null ? null : TEXT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("cursor must be <sequenceNumber>-<recordId> as a previous page gave it");
        }
        return new AuditCursor(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }
}
