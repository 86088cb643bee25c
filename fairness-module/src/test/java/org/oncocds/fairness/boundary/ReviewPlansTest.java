package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.TaskDescription;

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

    @Test
    void anUploadedTaskIsReviewedByItsSubgroupsWithAgeBandedAndTheFirstTwoCrossed() {
        TaskDescription task = uploaded(List.of("sex", "age", "rx"), "years");

        BiasReportRequest request = ReviewPlans.standardRequest(task.id(), ReviewPlans.STANDARD_AGE_CUTS,
                id -> Optional.of(task)).orElseThrow();

        assertEquals(List.of(List.of("sex"), List.of("age"), List.of("rx"), List.of("sex", "age")), request
                .groupings());
        assertEquals(Map.of("age", List.of(50.0, 65.0)), request.bands());
        assertEquals(Map.of(), request.referenceGroups());
    }

    @Test
    void theLargestGroupIsTheReferenceOfAnUploadedTasksGroupings() {
        TaskDescription task = uploaded(List.of("sex", "age"), "years");
        BiasReportRequest request = ReviewPlans.fromSubgroups(task, ReviewPlans.STANDARD_AGE_CUTS).orElseThrow();
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(new ScoredRow(i % 2, 0.4, Map.of("sex", i < 7 ? "1" : "0", "age", i < 3 ? "45" : "70")));
        }

        BiasReport report = new BiasReports().report(request.withBootstrap(0, 1).withMinimumGroupSize(1), rows);

        assertEquals(List.of("1", "65+", "1 × 65+"), report.groupings().stream().map(GroupingReport::referenceGroup)
                .toList());
    }

    @Test
    void anAgeInMonthsOrDaysIsBandedAtTheSameAges() {
        assertEquals(Map.of("age", List.of(600.0, 780.0)), ReviewPlans.fromSubgroups(uploaded(List.of("age"),
                "months"), ReviewPlans.STANDARD_AGE_CUTS).orElseThrow().bands());
        assertEquals(Map.of("age", List.of(50 * 365.25, 65 * 365.25)), ReviewPlans.fromSubgroups(uploaded(List.of(
                "age"), "days"), ReviewPlans.STANDARD_AGE_CUTS).orElseThrow().bands());
    }

    @Test
    void anAgeRecordedAsCategoriesIsNotBanded() {
        TaskDescription task = new TaskDescription("breast-recur", "recurrence", "data", "irradiat", List.of("no",
                "yes"), "no", false,
                List.of(new FeatureDescription("age", FeatureType.CATEGORY, "", null, null, List
                        .of("30-39", "40-49"), true)),
                null, 365.25, List.of("age"), true);

        assertEquals(Map.of(), ReviewPlans.fromSubgroups(task, ReviewPlans.STANDARD_AGE_CUTS).orElseThrow().bands());
    }

    @Test
    void aTaskWithoutSubgroupsOrUnknownHasNoStandardReviewAndShippedPlansWin() {
        assertEquals(Optional.empty(), ReviewPlans.standardRequest("uploaded", ReviewPlans.STANDARD_AGE_CUTS,
                id -> Optional.of(uploaded(List.of(), "years"))));
        assertEquals(Optional.empty(), ReviewPlans.standardRequest("nothing", ReviewPlans.STANDARD_AGE_CUTS,
                id -> Optional.empty()));
        assertEquals(ReviewPlans.standardRequest("colon-recurrence-5y"), ReviewPlans.standardRequest(
                "colon-recurrence-5y", ReviewPlans.STANDARD_AGE_CUTS, id -> Optional.of(uploaded(List.of("sex"),
                        "years"))));
    }

    @Test
    void badAgeCutPointsOfAnUploadedTaskAreRefusedNamingTheBands() {
        TaskDescription task = uploaded(List.of("sex", "age"), "years");
        assertEquals("bands.age", assertThrows(InvalidBiasInputException.class, () -> ReviewPlans.fromSubgroups(task,
                List.of(65.0, 50.0))).field());
        assertEquals("bands.age", assertThrows(InvalidBiasInputException.class, () -> ReviewPlans.fromSubgroups(task,
                null)).field());
    }

    private static TaskDescription uploaded(List<String> subgroups, String ageUnit) {
        return new TaskDescription("uploaded-task", "death within 1 year", "uploaded data", "rx", List.of("A", "B"),
                "A", true, List.of(new FeatureDescription("age", FeatureType.NUMBER, ageUnit, 0.0, 40000.0, List.of(),
                        true),
                        new FeatureDescription("sex", FeatureType.CATEGORY, "", null, null, List.of("0", "1"),
                                true)),
                null, 365.25, subgroups, true);
    }
}
