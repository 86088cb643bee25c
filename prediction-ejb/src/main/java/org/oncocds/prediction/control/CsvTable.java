package org.oncocds.prediction.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the shipped CSV files ({@link CsvRecords}: a header row, RFC 4180 quotes, empty field = missing) into rows keyed
 * by column name.
 */
final class CsvTable {

    private CsvTable() {
    }

    /**
     * @throws IllegalArgumentException
     *             naming the line, when the file is empty, not readable as CSV, or a row's field count differs from the
     *             header's
     */
    static List<Map<String, String>> read(InputStream csv) {
        CsvRecords.Read read;
        try (csv) {
            read = CsvRecords.read(new String(csv.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read.unreadable().ifPresent(unreadable -> {
            throw new IllegalArgumentException(unreadable.message());
        });
        if (read.records().isEmpty()) {
            throw new IllegalArgumentException("the CSV file is empty");
        }
        List<String> header = read.records().get(0).fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvRecords.Record record : read.records().subList(1, read.records().size())) {
            rows.add(row(header, record));
        }
        return rows;
    }

    private static Map<String, String> row(List<String> header, CsvRecords.Record record) {
        if (record.fields().size() != header.size()) {
            throw new IllegalArgumentException("line " + record.line() + " has " + record.fields().size()
                    + " fields, the header " + header.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), record.fields().get(i));
        }
        return row;
    }
}
