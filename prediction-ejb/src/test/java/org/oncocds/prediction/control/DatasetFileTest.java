package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetFileTest {

    @Test
    void formatComesFromTheFileName() {
        assertEquals(Optional.of("csv"), DatasetFile.format("Cohort.CSV"));
        assertEquals(Optional.of("arff"), DatasetFile.format("cohort.arff"));
        assertEquals(Optional.empty(), DatasetFile.format("cohort.xlsx"));
        assertEquals(Optional.empty(), DatasetFile.format(null));
    }

    @Test
    void readsCsvRowsWithTheirLineNumbers() {
        UploadIssues issues = new UploadIssues(50);
        DatasetFile file = read("csv", "\uFEFF\"id\",\"rx\",\"nodes\"\r\n1,\"Lev+5FU\",\r\n\r\n2,\"Obs\",3\r\n",
                issues);
        assertTrue(issues.isEmpty(), issues.list()::toString);
        assertEquals(List.of("id", "rx", "nodes"), file.columns());
        assertEquals(2, file.rows().size());
        assertEquals(2, file.rows().get(0).line());
        assertEquals("", file.rows().get(0).values().get("nodes"));
        assertEquals(4, file.rows().get(1).line());
        assertEquals("Obs", file.rows().get(1).values().get("rx"));
    }

    @Test
    void reportsEveryMalformedCsvRowByLine() {
        UploadIssues issues = new UploadIssues(50);
        DatasetFile file = read("csv", "a,b\n1,2,3\n4,5\n\"6,7\n8\n", issues);
        assertEquals(1, file.rows().size());
        // The quote opened on line 4 runs to the end of the file (RFC 4180 lets a quoted field hold line breaks).
        assertEquals(List.of(new UploadIssue("dataset", 4, null, "line 4: a quoted field is not closed: no closing"
                + " double quote before the end of the file"), new UploadIssue("dataset", 2, null,
                        "line 2: 3 fields,"
                                + " the header has 2")),
                issues.list());
    }

    @Test
    void aQuotedLineBreakBelongsToItsFieldAndTheRowsAfterItKeepTheirLines() {
        UploadIssues issues = new UploadIssues(50);
        DatasetFile file = read("csv", "id,comment,nodes\r\n1,\"first line\r\nsecond line\",3\r\n2,,4\r\n", issues);
        assertTrue(issues.isEmpty(), issues.list()::toString);
        assertEquals(List.of(2, 4), file.rows().stream().map(DatasetFile.Row::line).toList());
        assertEquals("first line\r\nsecond line", file.rows().get(0).values().get("comment"));
        assertEquals("4", file.rows().get(1).values().get("nodes"));
    }

    @Test
    void refusesDuplicateAndUnnamedColumns() {
        UploadIssues issues = new UploadIssues(50);
        assertTrue(DatasetFile.read("csv", "a,,a\n1,2,3\n".getBytes(StandardCharsets.UTF_8), issues).isEmpty());
        assertEquals(List.of("line 1: column 2 has no name", "line 1: column a appears twice"), issues.list().stream()
                .map(UploadIssue::message).toList());
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingTheLine() {
        UploadIssues issues = new UploadIssues(50);
        byte[] latin1 = "a,b\n1,2\nJos\u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(DatasetFile.read("csv", latin1, issues).isEmpty());
        assertEquals(3, issues.list().get(0).row());
        assertTrue(issues.list().get(0).message().contains("not UTF-8"), issues.list()::toString);
    }

    @Test
    void readsArffWithWekasReaderKeepingLineNumbers() {
        String arff = """
                % a comment
                @relation cohort

                @attribute rx {Obs,Lev}
                @attribute age numeric
                @attribute sex {0,1}

                @data
                Obs,43,1
                Lev,?,0

                Obs,63.5,0
                """;
        UploadIssues issues = new UploadIssues(50);
        DatasetFile file = read("arff", arff, issues);
        assertTrue(issues.isEmpty(), issues.list()::toString);
        assertEquals(List.of("rx", "age", "sex"), file.columns());
        assertEquals(List.of(9, 10, 12), file.rows().stream().map(DatasetFile.Row::line).toList());
        assertEquals("43", file.rows().get(0).values().get("age"));
        assertEquals("", file.rows().get(1).values().get("age"));
        assertEquals("63.5", file.rows().get(2).values().get("age"));
        assertEquals("0", file.rows().get(2).values().get("sex"));
    }

    @Test
    void reportsTheArffLineWekaStoppedAt() {
        String arff = """
                @relation cohort
                @attribute rx {Obs,Lev}
                @attribute age numeric
                @data
                Obs,43
                Placebo,50
                """;
        UploadIssues issues = new UploadIssues(50);
        assertTrue(DatasetFile.read("arff", arff.getBytes(StandardCharsets.UTF_8), issues).isEmpty());
        assertEquals(6, issues.list().get(0).row(), issues.list()::toString);
    }

    private static DatasetFile read(String format, String text, UploadIssues issues) {
        return DatasetFile.read(format, text.getBytes(StandardCharsets.UTF_8), issues)
                .orElseThrow(() -> new AssertionError(issues.list()));
    }
}
