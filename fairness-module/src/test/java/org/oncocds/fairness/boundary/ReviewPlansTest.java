package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewPlansTest {

    @Test
    void theColonTaskIsReviewedBySexAgeBandArmAndSexByAgeBand() {
        BiasReportRequest request = ReviewPlans.standardRequest("colon-recurrence-5y").orElseThrow();
        assertEquals(List.of(List.of("sex"), List.of("age"), List.of("rx"), List.of("sex", "age")), request
                .groupings());
        assertEquals(Map.of("age", List.of(50.0, 65.0)), request.bands());
        assertEquals(Map.of("rx", "Obs"), request.referenceGroups());
        assertEquals(BiasReportRequest.DEFAULT_THRESHOLD, request.threshold());
        assertEquals(BiasReportRequest.DEFAULT_SEED, request.seed());
    }

    @Test
    void theRotterdamTaskIsReviewedByMenopausalStatusAgeBandTherapyAndTheirIntersection() {
        BiasReportRequest request = ReviewPlans.standardRequest("rotterdam-rfs-5y").orElseThrow();
        assertEquals(List.of(List.of("meno"), List.of("age"), List.of("therapy"), List.of("meno", "age")), request
                .groupings());
        assertEquals(Map.of("age", List.of(50.0, 65.0)), request.bands());
        assertEquals(Map.of("therapy", "none"), request.referenceGroups());
    }

    @Test
    void theAgeBandsAreConfigurable() {
        BiasReportRequest request = ReviewPlans.standardRequest("rotterdam-rfs-5y", List.of(40.0, 50.0, 70.0))
                .orElseThrow();
        assertEquals(Map.of("age", List.of(40.0, 50.0, 70.0)), request.bands());
        List<ScoredRow> rows = new ArrayList<>();
        for (int age : new int[]{39, 40, 49, 50, 69, 70}) {
            rows.add(new ScoredRow(age % 2, 0.4, Map.of("meno", "1", "age", String.valueOf(age), "therapy", "none")));
        }
        GroupingReport ages = new BiasReports().report(request.withBootstrap(0, 1), rows).groupings().get(1);
        assertEquals(List.of("<40", "40-49", "50-69", "70+"), ages.groups().stream().map(GroupReport::group)
                .toList());
        assertEquals(List.of(1L, 2L, 2L, 1L), ages.groups().stream().map(GroupReport::n).toList());
    }

    @Test
    void badAgeCutPointsAreRefusedNamingTheBands() {
        for (List<Double> cuts : List.of(List.<Double>of(), List.of(65.0, 50.0), Arrays.asList(50.0, null), List.of(
                50.0, Double.NaN))) {
            assertEquals("bands.age", assertThrows(InvalidBiasInputException.class, () -> ReviewPlans
                    .standardRequest("colon-recurrence-5y", cuts)).field());
        }
        assertEquals("bands.age", assertThrows(InvalidBiasInputException.class, () -> ReviewPlans.standardRequest(
                "colon-recurrence-5y", null)).field());
    }

    @Test
    void aTaskWithoutAPlanHasNoStandardRequest() {
        assertTrue(ReviewPlans.standardRequest("no-such-task").isEmpty());
        assertTrue(ReviewPlans.standardRequest(null).isEmpty());
    }
}
