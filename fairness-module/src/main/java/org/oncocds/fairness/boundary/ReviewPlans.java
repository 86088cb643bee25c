package org.oncocds.fairness.boundary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The subgroups each prediction task's models are reviewed for: the patient attributes the task's data records, the
 * age bands and the reference groups. A task without a plan here has no standard review; its reports name their own
 * request. (Here, not in control, because a plan is a request: control does not depend on the boundary.)
 */
final class ReviewPlans {

    /** The attribute every plan bands: age at diagnosis or surgery, in years. */
    static final String AGE = "age";

    /** The standard age bands: under 50, 50 to 64, 65 and over. */
    static final List<Double> STANDARD_AGE_CUTS = List.of(50.0, 65.0);

    private static final Map<String, Function<List<Double>, BiasReportRequest>> PLANS = Map.of(
            "colon-recurrence-5y", ReviewPlans::colonRecurrence, "rotterdam-rfs-5y", ReviewPlans::rotterdamRelapseFree);

    private ReviewPlans() {
    }

    static Optional<BiasReportRequest> standardRequest(String taskId) {
        return standardRequest(taskId, STANDARD_AGE_CUTS);
    }

    /**
     * The task's plan with its age bands cut at {@code ageCutPoints} (increasing, in years; checked as any request's
     * cut points, refused naming {@code bands.age}).
     */
    static Optional<BiasReportRequest> standardRequest(String taskId, List<Double> ageCutPoints) {
        if (ageCutPoints == null) {
            throw new InvalidBiasInputException("bands.age", "bands.age: age cut points are required");
        }
        return Optional.ofNullable(taskId).map(PLANS::get).map(plan -> plan.apply(ageCutPoints));
    }

    /**
     * Sex, age band, treatment arm (observation is the reference arm the others are compared with) and sex × age band;
     * sex and age band take their largest group as reference.
     */
    private static BiasReportRequest colonRecurrence(List<Double> ageCuts) {
        return BiasReportRequest.of("sex", AGE, "rx")
                .withBands(AGE, ageCuts.toArray(Double[]::new))
                .withIntersection("sex", AGE)
                .withReferenceGroup("rx", "Obs");
    }

    /**
     * Menopausal status ({@code meno}: 0 = pre-, 1 = postmenopausal), age band, therapy (no systemic therapy is the
     * reference; not randomised, so its gaps are confounded by indication) and menopausal status × age band, which
     * the data fills well enough to compare (2,856 labelled patients, five of the six cells at 42 to 1,034 patients
     * with the standard bands; premenopausal 65+ is empty and so not listed).
     */
    private static BiasReportRequest rotterdamRelapseFree(List<Double> ageCuts) {
        return BiasReportRequest.of("meno", AGE, "therapy")
                .withBands(AGE, ageCuts.toArray(Double[]::new))
                .withIntersection("meno", AGE)
                .withReferenceGroup("therapy", "none");
    }
}
