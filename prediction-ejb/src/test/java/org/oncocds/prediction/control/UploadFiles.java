package org.oncocds.prediction.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Real data for upload tests: the shipped colon.csv, as CSV and written as ARFF, and the documented definition. */
public final class UploadFiles {

    private UploadFiles() {
    }

    public static byte[] colonCsv() {
        return resource(ColonRecurrence.RESOURCE);
    }

    /** The definition of task {@code colon-death-2y} (death within 730.5 days, colon.csv's death records). */
    public static String colonDeathDefinition() {
        return new String(resource("/uploads/colon-death-2y.json"), StandardCharsets.UTF_8);
    }

    /** The same rows as {@link #colonCsv()} as ARFF: rx nominal, every other column numeric, missing as {@code ?}. */
    public static byte[] colonArff() {
        byte[] csv = colonCsv();
        List<Map<String, String>> rows = CsvTable.read(new ByteArrayInputStream(csv));
        List<String> columns = CsvRecords.read(new String(csv, StandardCharsets.UTF_8)).records().get(0).fields();
        StringBuilder arff = new StringBuilder("% colon.csv of the prediction module, as ARFF\n@relation colon\n\n");
        for (String column : columns) {
            arff.append("@attribute ").append(column).append(column.equals("rx")
                    ? " {'Obs','Lev','Lev+5FU'}"
                    : " numeric").append('\n');
        }
        arff.append("\n@data\n");
        for (Map<String, String> row : rows) {
            arff.append(String.join(",", columns.stream().map(column -> {
                String value = row.get(column);
                return value.isEmpty() ? "?" : column.equals("rx") ? "'" + value + "'" : value;
            }).toList())).append('\n');
        }
        return arff.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = UploadFiles.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
