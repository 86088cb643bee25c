package org.oncocds.prediction.control;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * An uploaded dataset file read into rows of text values by column name, each with its line number in the file: CSV
 * (UTF-8, a header row, comma-separated, RFC 4180 quotes, which may span lines ({@link CsvRecords}), empty field =
 * missing) or ARFF (read with Weka's own {@link ArffLoader.ArffReader}; {@code ?} = missing). Structural problems (not UTF-8, wrong column count,
 * duplicate columns, ARFF syntax) are added to the issues with their line.
 *
 * @param columns
 *            the header's column names, in file order
 * @param rows
 *            the well-formed data rows, in file order
 */
public record DatasetFile(List<String> columns, List<Row> rows) {

    /**
     * A data row: the line of the file it starts on (header = 1 for CSV) and its values by column; empty = missing.
     */
    public record Row(int line, Map<String, String> values) {
    }

    public DatasetFile {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static final String FIELD = "dataset";

    /** The file's format from its name: {@code csv} or {@code arff}; empty when neither. */
    public static Optional<String> format(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of("csv");
        }
        return name.endsWith(".arff") ? Optional.of("arff") : Optional.empty();
    }

    /** Reads the file; empty (with the reasons in {@code issues}) when it cannot be read at all. */
    public static Optional<DatasetFile> read(String format, byte[] bytes, UploadIssues issues) {
        Optional<String> text = utf8(bytes, issues);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return "arff".equals(format) ? arff(text.get(), issues) : csv(text.get(), issues);
    }

    private static Optional<String> utf8(byte[] bytes, UploadIssues issues) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(buffer);
            String text = chars.toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < buffer.position() && i < bytes.length; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            issues.add(FIELD, line, null, "line " + line + ": the file is not UTF-8 (invalid bytes near byte "
                    + buffer.position() + "); save it as UTF-8");
            return Optional.empty();
        }
    }

    private static Optional<DatasetFile> csv(String text, UploadIssues issues) {
        CsvRecords.Read read = CsvRecords.read(text);
        List<CsvRecords.Record> records = read.records();
        if (records.isEmpty() || records.get(0).line() != 1) {
            issues.add(FIELD, 1, null, read.unreadable().filter(unreadable -> unreadable.line() == 1).map(
                    CsvRecords.Unreadable::message).orElse("line 1: the header row is empty"));
            return Optional.empty();
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        if (!uniqueNames(header, issues)) {
            return Optional.empty();
        }
        // First: the lines after it were not read, and the capped list of issues must not cut this one off.
        read.unreadable().ifPresent(unreadable -> issues.add(FIELD, unreadable.line(), null, unreadable.message()));
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                issues.add(FIELD, record.line(), null, "line " + record.line() + ": " + record.fields().size()
                        + " fields, the header has " + header.size());
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int column = 0; column < header.size(); column++) {
                values.put(header.get(column), record.fields().get(column).strip());
            }
            rows.add(new Row(record.line(), values));
        }
        return Optional.of(new DatasetFile(header, rows));
    }

    private static boolean uniqueNames(List<String> header, UploadIssues issues) {
        Set<String> seen = new HashSet<>();
        boolean unique = true;
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column);
            if (name.isEmpty()) {
                issues.add(FIELD, 1, null, "line 1: column " + (column + 1) + " has no name");
                unique = false;
            } else if (!seen.add(name)) {
                issues.add(FIELD, 1, name, "line 1: column " + name + " appears twice");
                unique = false;
            }
        }
        return unique;
    }

    /**
     * ARFF through Weka's reader, one instance at a time so that each row keeps its line number. Weka stops at the
     * first syntax error (an undeclared nominal value, a malformed number), so at most one such problem is reported.
     */
    private static Optional<DatasetFile> arff(String text, UploadIssues issues) {
        ArffLoader.ArffReader reader;
        try {
            // Ending in a line break, every row is followed by one: the reader's line is then always the row's plus one.
            reader = new ArffLoader.ArffReader(new StringReader(text.endsWith("\n") ? text : text + "\n"), 1);
        } catch (IOException | RuntimeException e) {
            issues.add(FIELD, "dataset: the ARFF header cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        Instances structure = reader.getStructure();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < structure.numAttributes(); i++) {
            columns.add(structure.attribute(i).name());
        }
        if (!uniqueNames(columns, issues)) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        while (true) {
            Instance instance;
            try {
                instance = reader.readInstance(structure);
            } catch (IOException | RuntimeException e) {
                issues.add(FIELD, reader.getLineNo(), null, "line " + reader.getLineNo() + ": " + e.getMessage());
                return Optional.empty();
            }
            if (instance == null) {
                return Optional.of(new DatasetFile(columns, rows));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < structure.numAttributes(); i++) {
                values.put(columns.get(i), value(instance, structure.attribute(i)));
            }
            rows.add(new Row(reader.getLineNo() - 1, values));
        }
    }

    /** An ARFF value as text: nominal, string and date values as written, numbers in plain decimal. */
    private static String value(Instance instance, Attribute attribute) {
        if (instance.isMissing(attribute)) {
            return "";
        }
        if (attribute.isNumeric() && !attribute.isDate()) {
            return BigDecimal.valueOf(instance.value(attribute)).stripTrailingZeros().toPlainString();
        }
        return instance.stringValue(attribute);
    }
}
