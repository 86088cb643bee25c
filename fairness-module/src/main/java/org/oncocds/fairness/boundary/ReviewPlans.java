package org.oncocds.fairness.boundary;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The subgroups each prediction task's models are reviewed for: the patient attributes the task's data records, the
 * age bands and the reference groups. A task without a plan here has no standard review; its reports name their own
 * request. (Here, not in control, because a plan is a request: control does not depend on the boundary.)
 */
final class ReviewPlans {

    /** Age bands of the colon task: under 50, 50 to 64, 65 and over. */
    static final Double[] COLON_AGE_CUTS = {50.0, 65.0};

    private static final Map<String, Supplier<BiasReportRequest>> PLANS = Map.of("colon-recurrence-5y",
            ReviewPlans::colonRecurrence);

    private ReviewPlans() {
    }

    static Optional<BiasReportRequest> standardRequest(String taskId) {
        return Optional.ofNullable(taskId).map(PLANS::get).map(Supplier::get);
    }

    /**
     * Sex, age band, treatment arm (observation is the reference arm the others are compared with) and sex × age band;
     * sex and age band take their largest group as reference.
     */
    private static BiasReportRequest colonRecurrence() {
        return BiasReportRequest.of("sex", "age", "rx")
                .withBands("age", COLON_AGE_CUTS)
                .withIntersection("sex", "age")
                .withReferenceGroup("rx", "Obs");
    }
}
