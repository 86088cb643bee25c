package org.oncocds.fairness.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records one at a time (RFC 4180: fields in double quotes may hold commas, line breaks and
 * doubled quotes), counting lines and refusing input longer than a limit.
 */
final class CsvRecords {

    private final Reader reader;
    private final long maxCharacters;
    private long characters;
    private long line = 1;
    private long recordLine;
    private int pending = -2;

    CsvRecords(Reader reader, long maxCharacters) {
        this.reader = reader;
        this.maxCharacters = maxCharacters;
    }

    /** The line on which the last record returned by {@link #next()} started. */
    long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new RowRefusedException("line", recordLine, "(record)", "a quoted field is not closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            unread(after);
                        }
                    }
                    return fields;
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (pending != -2) {
            c = pending;
            pending = -2;
            return c;
        }
        c = reader.read();
        if (c == -1) {
            return c;
        }
        if (++characters > maxCharacters) {
            throw new RowRefusedException("line", line, "(upload)", "the upload is longer than " + maxCharacters
                    + " characters");
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        pending = c;
    }
}
