package org.oncocds.prediction.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV text as records, read with Apache Commons CSV in RFC 4180's format: comma-separated, and a field in double quotes
 * may hold commas, doubled quotes and line breaks (a notes column exported from a spreadsheet); lines end with CRLF or
 * LF; a byte-order mark is dropped. Each record comes with the line of the file it starts on, for messages that name
 * it. Blank lines are skipped.
 */
final class CsvRecords {

    /**
     * Empty lines are kept as records so that each record's first line can be counted ({@link #read} skips them); spaces
     * around a field are dropped, so that {@code 1, "a,b"} (a space after the comma, common in hand-written files) is
     * two fields as it was before this reader, and values are compared stripped anyway.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true).get();

    private CsvRecords() {
    }

    /** One record: the line of the file it starts on (the header is line 1) and its fields as written. */
    record Record(int line, List<String> fields) {
    }

    /** Where and why the file stops being readable CSV. */
    record Unreadable(int line, String problem) {

        String message() {
            return "line " + line + ": " + problem;
        }
    }

    /** The records in order, up to the first that cannot be read, and then why (the rest of the file is not read). */
    record Read(List<Record> records, Optional<Unreadable> unreadable) {
    }

    static Read read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(content))) {
            Iterator<CSVRecord> iterator = parser.iterator();
            while (true) {
                // The parser has read every line break before the next record: it starts on the line after them.
                int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                try {
                    if (!iterator.hasNext()) {
                        return new Read(records, Optional.empty());
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    return new Read(records, Optional.of(new Unreadable(line, problem(e))));
                }
                List<String> fields = iterator.next().toList();
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(new Record(line, fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parser's reason in words a data manager can act on. */
    private static String problem(RuntimeException failure) {
        String message = failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed: no closing double quote before the end of the file";
        }
        if (message != null && message.contains("between encapsulated token and delimiter")) {
            return "a quoted field is followed by other characters before the next comma (write a double quote"
                    + " inside quotes as two)";
        }
        return "not readable as CSV (" + message + ")";
    }
}
