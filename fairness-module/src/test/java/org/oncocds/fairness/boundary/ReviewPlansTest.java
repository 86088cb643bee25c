package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aTaskWithoutAPlanHasNoStandardRequest() {
        assertTrue(ReviewPlans.standardRequest("rotterdam-rfs-5y").isEmpty());
        assertTrue(ReviewPlans.standardRequest("no-such-task").isEmpty());
        assertTrue(ReviewPlans.standardRequest(null).isEmpty());
    }
}
