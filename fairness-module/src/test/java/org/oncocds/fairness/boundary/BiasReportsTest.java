package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BiasReportsTest {

    private final BiasReports reports = new BiasReports();

    /** 80 patients: sex alternates, ages 30..89, the label follows the score with some noise. */
    private static List<ScoredRow> patients() {
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double score = ((i * 37) % 100) / 100.0;
            int label = score > 0.6 || i % 7 == 0 ? 1 : 0;
            rows.add(new ScoredRow(label, score, Map.of("sex", String.valueOf(i % 2), "age", String.valueOf(30 + (i
                    * 3) % 60), "arm", i % 3 == 0 ? "Obs" : "Lev")));
        }
        return rows;
    }

    private static BiasReportRequest request() {
        return BiasReportRequest.of("sex", "age", "arm").withBands("age", 50.0, 65.0).withIntersection("sex", "age")
                .withBootstrap(200, 99).withMinimumGroupSize(10);
    }

    @Test
    void reportsEveryGroupingWithAllMetrics() {
        BiasReport report = reports.report(request(), patients());
        assertEquals(80, report.rows());
        assertEquals(List.of("sex", "age", "arm", "sex × age"), report.groupings().stream().map(
                GroupingReport::grouping).toList());
        GroupingReport sex = report.groupings().get(0);
        assertEquals(List.of("0", "1"), sex.groups().stream().map(GroupReport::group).toList());
        assertEquals(40, sex.groups().get(0).n());
        assertEquals(Arrays.asList(GroupMetric.values()), List.copyOf(sex.groups().get(0).metrics().keySet()));
        Estimate selection = sex.groups().get(0).metrics().get(GroupMetric.SELECTION_RATE);
        assertNotNull(selection.interval());
        assertTrue(selection.interval().lower() <= selection.value() && selection.value() <= selection.interval()
                .upper());
        // one disparity across all groups plus one per non-reference group, for each of the six metrics
        assertEquals(6 * 2, sex.disparities().size());
        assertEquals(6 * 3, report.groupings().get(1).disparities().size());
    }

    @Test
    void undefinedMetricsCarryAReasonInsteadOfANumber() {
        List<ScoredRow> rows = new ArrayList<>(patients());
        rows.add(new ScoredRow(0, 0.2, Map.of("sex", "2", "age", "40", "arm", "Lev")));
        BiasReport report = reports.report(request(), rows);
        GroupReport third = report.groupings().get(0).groups().get(2);
        assertEquals("2", third.group());
        assertFalse(third.sufficientData());
        Estimate tpr = third.metrics().get(GroupMetric.TRUE_POSITIVE_RATE);
        assertNull(tpr.value());
        assertEquals("no observed events (label 1) in the group", tpr.reason());
        for (GroupingReport grouping : report.groupings()) {
            for (GroupReport group : grouping.groups()) {
                group.metrics().values().forEach(BiasReportsTest::assertNoNaN);
            }
            grouping.disparities().forEach(d -> assertNoNaN(d.estimate()));
        }
    }

    private static void assertNoNaN(Estimate estimate) {
        assertTrue(estimate.value() == null || Double.isFinite(estimate.value()), estimate.toString());
        assertTrue(estimate.interval() == null || Double.isFinite(estimate.interval().lower()) && Double.isFinite(
                estimate.interval().upper()), estimate.toString());
        assertTrue(estimate.value() != null && estimate.interval() != null || estimate.reason() != null);
    }

    @Test
    void theSameRequestGivesTheSameReport() {
        assertEquals(reports.report(request(), patients()), reports.report(request(), patients()));
    }

    @Test
    void aBadRowIsRefusedByNumberAndColumn() {
        List<ScoredRow> rows = new ArrayList<>(patients());
        rows.set(4, new ScoredRow(1, 1.5, rows.get(4).attributes()));
        InvalidBiasInputException refused = assertThrows(InvalidBiasInputException.class, () -> reports.report(
                request(), rows));
        assertEquals(5, refused.row());
        assertEquals("score", refused.field());
        assertEquals("row 5, column 'score': 1.5 is not between 0 and 1", refused.getMessage());

        rows.set(4, new ScoredRow(1, 0.5, Map.of("sex", "1", "age", "40")));
        refused = assertThrows(InvalidBiasInputException.class, () -> reports.report(request(), rows));
        assertEquals("row 5, column 'arm': missing value", refused.getMessage());
        assertEquals("arm", refused.field());

        rows.set(4, null);
        assertEquals("row 5 is empty", assertThrows(InvalidBiasInputException.class, () -> reports.report(request(),
                rows)).getMessage());
    }

    @Test
    void noRowsIsRefused() {
        assertEquals("there are no rows to report on", assertThrows(InvalidBiasInputException.class, () -> reports
                .report(request(), List.of())).getMessage());
    }

    @Test
    void invalidRequestsAreRefusedNamingTheField() {
        assertInvalid("threshold", () -> request().withThreshold(1.0));
        assertInvalid("threshold", () -> request().withThreshold(0));
        assertInvalid("bootstrapReplicates", () -> request().withBootstrap(10_001, 1));
        assertInvalid("minimumGroupSize", () -> request().withMinimumGroupSize(0));
        assertInvalid("intersections", () -> request().withIntersection("sex"));
        assertInvalid("intersections", () -> request().withIntersection("sex", "age", "arm", "nodes"));
        assertInvalid("intersections", () -> request().withIntersection("sex", "sex"));
        assertInvalid("bands.nodes", () -> request().withBands("nodes", 4.0));
        assertInvalid("bands.age", () -> request().withBands("age", 65.0, 50.0));
        assertInvalid("bands.age", () -> request().withBands("age",
                java.util.stream.IntStream.range(0, 64).mapToObj(i -> (double) i).toArray(Double[]::new)));
        assertInvalid("bands.age", () -> request().withBands("age"));
        assertInvalid("referenceGroups", () -> request().withReferenceGroup("age × sex", "0 × <50"));
        assertInvalid("attributes", () -> BiasReportRequest.of());
        assertInvalid("attributes", () -> BiasReportRequest.of("sex", "sex"));
        assertInvalid("attributes", () -> BiasReportRequest.of("sex", null));
        assertInvalid("intersections", () -> request().withIntersection("sex", null));
        assertInvalid("tolerances.selectionRateRatio", () -> new Tolerances(0.1, 1.25, 0.1, 0.1, 0.1, 0.2));
        assertInvalid("tolerances.calibrationDifference", () -> new Tolerances(0.1, 0.8, 0.1, 0.1, 0.1, 0));
    }

    @Test
    void aNamedReferenceGroupIsUsed() {
        BiasReport report = reports.report(request().withReferenceGroup("sex × age", "1 × 65+"), patients());
        GroupingReport both = report.groupings().get(3);
        assertEquals("1 × 65+", both.referenceGroup());
        assertEquals("named in the request", both.referenceRule());
    }

    private static void assertInvalid(String field, Supplier<Object> request) {
        InvalidBiasInputException refused = assertThrows(InvalidBiasInputException.class, request::get);
        assertEquals(field, refused.field());
        assertTrue(refused.getMessage().contains(field), refused.getMessage());
    }
}
