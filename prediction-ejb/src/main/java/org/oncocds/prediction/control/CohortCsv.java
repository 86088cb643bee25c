package org.oncocds.prediction.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An uploaded cohort as text ({@link CsvRecords}: RFC 4180, quoted fields may span lines): its header and its rows in
 * file order, each with the line it starts on. A malformed file is reported, never half read: {@link #problems()}
 * lists every row with the wrong field count and where the file stops being readable CSV (an unclosed quote).
 */
public record CohortCsv(List<String> header, List<Row> rows, List<String> problems) {

    /** One data row: the 1-based line of the file it starts on and its fields in header order. */
    public record Row(int line, List<String> fields) {
    }

    public CohortCsv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public static CohortCsv parse(String text) {
        CsvRecords.Read read = CsvRecords.read(text);
        List<CsvRecords.Record> records = read.records();
        if (records.isEmpty() || records.get(0).line() != 1) {
            return new CohortCsv(List.of(), List.of(), List.of(read.unreadable().map(CsvRecords.Unreadable::message)
                    .orElse("line 1: the file is empty (a header row is needed)")));
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        List<String> problems = new ArrayList<>();
        // First: the lines after it were not read, and a capped list of problems must not cut this one off.
        read.unreadable().ifPresent(unreadable -> problems.add(unreadable.message()));
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                problems.add("line " + record.line() + ": " + record.fields().size() + " fields, the header has "
                        + header.size());
            } else {
                rows.add(new Row(record.line(), record.fields()));
            }
        }
        return new CohortCsv(header, rows, problems);
    }

    /** The header and the rows with one more column, quoted where needed, lines ended by CRLF (RFC 4180). */
    public String withColumn(String name, List<Double> values) {
        StringBuilder csv = new StringBuilder();
        csv.append(line(header)).append(',').append(quoted(name)).append("\r\n");
        for (int i = 0; i < rows.size(); i++) {
            csv.append(line(rows.get(i).fields())).append(',').append(BigDecimal.valueOf(values.get(i))
                    .stripTrailingZeros().toPlainString()).append("\r\n");
        }
        return csv.toString();
    }

    private static String line(List<String> fields) {
        return fields.stream().map(CohortCsv::quoted).collect(Collectors.joining(","));
    }

    private static String quoted(String field) {
        // A line break inside a field (allowed in the uploaded file) must stay inside quotes, or the row would split.
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r") || field
                .startsWith(" ") || field.endsWith(" ")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
