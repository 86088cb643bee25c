package org.oncocds.prediction.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the shipped CSV files (header row, comma-separated, strings in double quotes, empty field = missing) into rows
 * keyed by column name.
 */
final class CsvTable {

    private CsvTable() {
    }

    static List<Map<String, String>> read(InputStream csv) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            List<String> header = fields(reader.readLine(), 1);
            List<Map<String, String>> rows = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    rows.add(row(header, fields(line, lineNumber), lineNumber));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> row(List<String> header, List<String> fields, int lineNumber) {
        if (fields.size() != header.size()) {
            throw new IllegalArgumentException("line " + lineNumber + " has " + fields.size() + " fields, the header "
                    + header.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), fields.get(i));
        }
        return row;
    }

    /** Splits one line; commas inside quotes belong to the field, {@code ""} inside quotes is one quote. */
    static List<String> fields(String line, int lineNumber) {
        if (line == null) {
            throw new IllegalArgumentException("the CSV file is empty");
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + lineNumber + " has an unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
