package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvUploadTest {

    private final BiasReports reports = new BiasReports();
    private final BiasReportRequest request = BiasReportRequest.of("sex").withMinimumGroupSize(1).withBootstrap(50,
            3);
    private final CsvColumns columns = CsvColumns.withScores("recurrence", "risk");

    private BiasReport upload(String csv) {
        return reports.reportFromCsv(request, columns, new StringReader(csv));
    }

    private InvalidBiasInputException refused(String csv) {
        return assertThrows(InvalidBiasInputException.class, () -> upload(csv));
    }

    @Test
    void aCsvTableGivesTheSameReportAsItsRows() {
        // a byte-order mark, CRLF line ends, a quoted field with a comma, an unused column, a blank last line
        String csv = "\uFEFFid,recurrence,risk,sex\r\n" + "\"a,1\",1,0.8,1\r\n" + "b,0,0.3,1\r\n" + "c,1,0.6,0\r\n"
                + "d,0,0.7,0\r\n" + "e,0,\"0.1\",0\r\n" + "\r\n";
        List<ScoredRow> rows = List.of(new ScoredRow(1, 0.8, Map.of("sex", "1")), new ScoredRow(0, 0.3, Map.of("sex",
                "1")), new ScoredRow(1, 0.6, Map.of("sex", "0")), new ScoredRow(0, 0.7, Map.of("sex", "0")),
                new ScoredRow(0, 0.1, Map.of("sex", "0")));
        BiasReport fromCsv = upload(csv);
        assertEquals(5, fromCsv.rows());
        assertEquals(reports.report(request, rows).groupings(), fromCsv.groupings());
    }

    @Test
    void problemsAreRefusedByLineAndColumn() {
        assertEquals("line 1, column 'sex': no such column; the header has recurrence, risk, age", refused(
                "recurrence,risk,age\n1,0.5,40\n").getMessage());
        InvalidBiasInputException label = refused("recurrence,risk,sex\n1,0.5,1\n2,0.5,1\n");
        assertEquals("line 3, column 'recurrence': '2' is not 0 or 1", label.getMessage());
        assertEquals(3, label.row());
        assertEquals("recurrence", label.field());
        assertEquals("line 2, column 'risk': 1.5 is not between 0 and 1", refused("recurrence,risk,sex\n1,1.5,1\n")
                .getMessage());
        assertEquals("line 2, column 'risk': 'high' is not a number", refused("recurrence,risk,sex\n1,high,1\n")
                .getMessage());
        assertEquals("line 3, column 'sex': missing value", refused("recurrence,risk,sex\n1,0.5,1\n0,0.5,\n")
                .getMessage());
        assertEquals("line 2, column '(record)': has 2 fields, the header has 3", refused(
                "recurrence,risk,sex\n1,0.5\n").getMessage());
        assertEquals("line 2, column '(record)': a quoted field is not closed", refused(
                "recurrence,risk,sex\n1,0.5,\"1\n").getMessage());
        assertEquals("line 1, column 'risk': the header names this column twice", refused(
                "recurrence,risk,risk,sex\n").getMessage());
        assertEquals("line 1, column '(header)': the upload is empty", refused("").getMessage());
        assertEquals("the upload has a header but no rows", refused("recurrence,risk,sex\n").getMessage());
    }

    @Test
    void withDecisionsTheScoreMeasuresAreUndefined() {
        BiasReport report = reports.reportFromCsv(request, CsvColumns.withDecisions("recurrence", "flagged"),
                new StringReader("recurrence,flagged,sex\n1,1,0\n0,0,0\n1,0,1\n0,1,1\n1,1,1\n"));
        GroupReport men = report.groupings().get(0).groups().get(1);
        assertEquals("1", men.group());
        // sex 1: events 2 (one flagged), non-events 1 (flagged): TPR 1/2
        assertEquals(0.5, men.metrics().get(GroupMetric.TRUE_POSITIVE_RATE).value(), 1e-12);
        for (GroupMetric metric : List.of(GroupMetric.AUC, GroupMetric.BRIER_SCORE,
                GroupMetric.OBSERVED_EXPECTED_RATIO)) {
            assertNull(men.metrics().get(metric).value());
            assertEquals("the rows carry decisions, not scores", men.metrics().get(metric).reason());
        }
        Disparity calibration = report.groupings().get(0).disparities().stream().filter(d -> d
                .metric() == DisparityMetric.CALIBRATION_DIFFERENCE && d.acrossAllGroups()).findFirst().orElseThrow();
        assertEquals(Verdict.NOT_ASSESSED, calibration.verdict());
        assertEquals("OBSERVED_EXPECTED_RATIO is undefined in group '0': the rows carry decisions, not scores",
                calibration.reason());
    }

    @Test
    void theColumnsNameEitherAScoreOrADecision() {
        assertEquals("score", assertThrows(InvalidBiasInputException.class, () -> new CsvColumns("y", "s", "d"))
                .field());
        assertEquals("label", assertThrows(InvalidBiasInputException.class, () -> CsvColumns.withScores(" ", "s"))
                .field());
    }
}
