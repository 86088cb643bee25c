package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDocumentsTest {

    private static BiasReport report() {
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double score = ((i * 37) % 100) / 100.0 + 0.00123;
            int label = score > 0.6 || i % 7 == 0 ? 1 : 0;
            rows.add(new ScoredRow(label, score, Map.of("sex", String.valueOf(i % 2), "age", String.valueOf(30 + (i
                    * 3) % 60), "arm", i % 3 == 0 ? "Obs" : "Lev")));
        }
        // a group with no events and too few rows: undefined metrics, no intervals, NOT_ASSESSED disparities
        rows.add(new ScoredRow(0, 0.2, Map.of("sex", "2", "age", "40", "arm", "Lev")));
        BiasReportRequest request = BiasReportRequest.of("sex", "age", "arm").withBands("age", 50.0, 65.0)
                .withIntersection("sex", "age").withReferenceGroup("arm", "Obs").withBootstrap(200, 7)
                .withMinimumGroupSize(10).withThreshold(0.4).withTolerances(new Tolerances(0.05, 0.9, 0.15, 0.2,
                        0.25, 0.3));
        return new BiasReports().report(request, rows);
    }

    @Test
    void aStoredDocumentReadsBackAsAnEqualReport() {
        BiasReport report = report();
        assertEquals(report, ReportDocuments.report(ReportDocuments.json(report)));
    }

    @Test
    void theSameReportAlwaysGivesTheSameDocument() {
        assertEquals(ReportDocuments.json(report()), ReportDocuments.json(report()));
    }

    @Test
    void undefinedValuesAreLeftOutWithTheirReasonNeverWrittenAsNumbers() {
        String json = ReportDocuments.json(report());
        assertFalse(json.contains("NaN"), json);
        assertTrue(json.contains("\"reason\":\"no observed events (label 1) in the group\""), json);
        assertTrue(json.contains("\"verdict\":\"NOT_ASSESSED\""));
        assertTrue(json.startsWith("{\"request\":{\"attributes\":[\"sex\",\"age\",\"arm\"],\"intersections\":[["
                + "\"sex\",\"age\"]],\"bands\":{\"age\":[50.0,65.0]},\"threshold\":0.4,\"referenceGroups\":{\"arm\":"
                + "\"Obs\"},\"minimumGroupSize\":10,\"bootstrapReplicates\":200,\"seed\":7,\"tolerances\":{"
                + "\"demographicParityDifference\":0.05,\"selectionRateRatio\":0.9,"), json);
    }
}
