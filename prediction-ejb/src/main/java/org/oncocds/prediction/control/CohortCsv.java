package org.oncocds.prediction.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An uploaded cohort as text: its header and its rows in file order, each with its line number. A malformed file is
 * reported, never half read: {@link #problems()} lists every line that cannot be a row (field count, quotes).
 */
public record CohortCsv(List<String> header, List<Row> rows, List<String> problems) {

    /** One data row: its 1-based line in the file and its fields in header order. */
    public record Row(int line, List<String> fields) {
    }

    public CohortCsv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public static CohortCsv parse(String text) {
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> header = List.of();
        try (BufferedReader reader = new BufferedReader(new StringReader(text.startsWith("\uFEFF")
                ? text.substring(1)
                : text))) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                return new CohortCsv(List.of(), List.of(), List.of("line 1: the file is empty (a header row is"
                        + " needed)"));
            }
            header = split(first, 1, problems).stream().map(String::strip).toList();
            int line = 1;
            for (String text2 = reader.readLine(); text2 != null; text2 = reader.readLine()) {
                line++;
                if (text2.isBlank()) {
                    continue;
                }
                List<String> fields = split(text2, line, problems);
                if (fields.size() != header.size()) {
                    problems.add("line " + line + ": " + fields.size() + " fields, the header has " + header.size());
                } else {
                    rows.add(new Row(line, fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CohortCsv(header, rows, problems);
    }

    private static List<String> split(String line, int number, List<String> problems) {
        try {
            return CsvTable.fields(line, number);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return List.of();
        }
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
        if (field.contains(",") || field.contains("\"") || field.startsWith(" ") || field.endsWith(" ")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
