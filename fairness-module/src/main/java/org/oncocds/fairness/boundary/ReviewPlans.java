package org.oncocds.fairness.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.TaskDescription;

/**
 * The subgroups each prediction task's models are reviewed for: the patient attributes the task's data records, the
 * age bands and the reference groups. The shipped tasks have a plan written here; any other task (one an administrator
 * uploaded) is reviewed by the subgroup attributes its definition names (see {@link #fromSubgroups}). A task with
 * neither has no standard review; its reports name their own request. (Here, not in control, because a plan is a
 * request: control does not depend on the boundary.)
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
     * The task's plan: the shipped plan when there is one, else the plan from its subgroup attributes; empty when the
     * task is unknown or names none.
     *
     * @param tasks
     *            the task by its id (the prediction module's {@code Tasks::byId})
     */
    static Optional<BiasReportRequest> standardRequest(String taskId, List<Double> ageCutPoints,
            Function<String, Optional<TaskDescription>> tasks) {
        Optional<BiasReportRequest> shipped = standardRequest(taskId, ageCutPoints);
        if (shipped.isPresent() || taskId == null) {
            return shipped;
        }
        return tasks.apply(taskId).flatMap(task -> fromSubgroups(task, ageCutPoints));
    }

    /**
     * The plan of a task without a written one, from the subgroup attributes its definition names (in that order):
     * each attribute on its own, the first two crossed, every grouping's largest group as its reference. An attribute
     * called {@code age} that is a number is banded at {@code ageCutPoints} (years; converted when the feature's unit
     * is months, weeks or days); any other attribute is grouped by its recorded values. Empty when the task names no
     * subgroup attribute.
     */
    static Optional<BiasReportRequest> fromSubgroups(TaskDescription task, List<Double> ageCutPoints) {
        if (ageCutPoints == null) {
            throw new InvalidBiasInputException("bands.age", "bands.age: age cut points are required");
        }
        List<String> attributes = task.subgroupAttributes();
        if (attributes.isEmpty()) {
            return Optional.empty();
        }
        BiasReportRequest request = BiasReportRequest.of(attributes.toArray(String[]::new));
        for (String attribute : attributes) {
            Optional<FeatureDescription> feature = task.features().stream().filter(candidate -> candidate.name()
                    .equals(attribute)).findFirst();
            if (attribute.equalsIgnoreCase(AGE) && feature.isPresent()
                    && feature.get().type() != FeatureType.CATEGORY) {
                double perYear = unitsPerYear(feature.get().unit());
                request = request.withBands(attribute, ageCutPoints.stream().map(cut -> cut == null
                        ? null
                        : cut * perYear).toArray(Double[]::new));
            }
        }
        if (attributes.size() >= 2) {
            request = request.withIntersection(attributes.get(0), attributes.get(1));
        }
        return Optional.of(request);
    }

    /** How many of the feature's units make a year: 12 for months, 52.1775 for weeks, 365.25 for days, else 1. */
    static double unitsPerYear(String unit) {
        String normalized = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("month")) {
            return 12;
        }
        if (normalized.startsWith("week")) {
            return 365.25 / 7;
        }
        if (normalized.startsWith("day")) {
            return 365.25;
        }
        return 1;
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
