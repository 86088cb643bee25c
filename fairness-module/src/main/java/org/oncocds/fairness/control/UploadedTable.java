package org.oncocds.fairness.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds a CSV table with a header row into an analysis, one record at a time: the label column (0/1), a score column
 * (0..1) or a decision column (0/1), and the attribute columns the analysis groups by. A problem is refused with its
 * line (the header is line 1) and column.
 */
public final class UploadedTable {

    /** 100 MiB of characters: the size of upload a report accepts. */
    public static final long MAX_CHARACTERS = 100L * 1024 * 1024;

    private UploadedTable() {
    }

    /**
     * @param predictionColumn the score column, or the decision column when {@code decisions} is true
     */
    public static void read(Reader csv, String labelColumn, String predictionColumn, boolean decisions,
            SubgroupAnalysis analysis) throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(csv), MAX_CHARACTERS);
        List<String> header = records.next();
        if (header == null) {
            throw new RowRefusedException("line", 1, "(header)", "the upload is empty");
        }
        header = trimmed(header);
        int label = columnIndex(header, labelColumn);
        int prediction = columnIndex(header, predictionColumn);
        List<String> attributes = analysis.attributes();
        int[] attributeIndexes = new int[attributes.size()];
        for (int i = 0; i < attributeIndexes.length; i++) {
            attributeIndexes[i] = columnIndex(header, attributes.get(i));
        }
        for (List<String> record = records.next(); record != null; record = records.next()) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            long line = records.recordLine();
            if (record.size() != header.size()) {
                throw new RowRefusedException("line", line, "(record)", "has " + record.size()
                        + " fields, the header has " + header.size());
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < attributeIndexes.length; i++) {
                values.put(attributes.get(i), record.get(attributeIndexes[i]).trim());
            }
            int labelValue = zeroOrOne(record.get(label), line, labelColumn);
            double score = decisions
                    ? zeroOrOne(record.get(prediction), line, predictionColumn)
                    : score(record.get(prediction), line, predictionColumn);
            try {
                analysis.add(labelValue, score, values);
            } catch (RowRefusedException e) {
                throw new RowRefusedException("line", line, e.column(), e.problem());
            }
        }
    }

    private static List<String> trimmed(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String name : header) {
            names.add(names.isEmpty() ? name.replace("\uFEFF", "").trim() : name.trim());
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw new RowRefusedException("line", 1, names.get(i), "the header names this column twice");
            }
        }
        return names;
    }

    private static int columnIndex(List<String> header, String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new RowRefusedException("line", 1, column, "no such column; the header has " + String.join(", ",
                    header));
        }
        return index;
    }

    private static int zeroOrOne(String raw, long line, String column) {
        String value = raw.trim();
        if (value.equals("0") || value.equals("1")) {
            return value.charAt(0) - '0';
        }
        throw new RowRefusedException("line", line, column, value.isEmpty()
                ? "missing value"
                : "'" + value + "' is not 0 or 1");
    }

    private static double score(String raw, long line, String column) {
        String value = raw.trim();
        if (value.isEmpty()) {
            throw new RowRefusedException("line", line, column, "missing value");
        }
        double score;
        try {
            score = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new RowRefusedException("line", line, column, "'" + value + "' is not a number");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new RowRefusedException("line", line, column, value + " is not between 0 and 1");
        }
        return score;
    }
}
