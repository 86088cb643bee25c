package org.oncocds.fairness.boundary;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oncocds.audit.boundary.RecommendationFact;
import org.oncocds.fairness.control.RecordedCase;

/**
 * Joins a task's audited recommendations with the outcomes recorded for the same patients into one bias report per
 * calendar month and a trend per disparity. Plain Java, so the rules can be tested on tables worked by hand.
 */
final class OutcomeJoin {

    private final BiasReportRequest request;
    private final String treatmentFeature;
    private final Set<String> attributes = new LinkedHashSet<>();

    /**
     * @param request
     *            the subgroups and settings of every month's report
     * @param treatmentFeature
     *            the task's treatment attribute (e.g. {@code rx}): its value is the option the row is scored under
     */
    OutcomeJoin(BiasReportRequest request, String treatmentFeature) {
        this.request = request;
        this.treatmentFeature = treatmentFeature;
        request.groupings().forEach(attributes::addAll);
    }

    /**
     * @param facts
     *            the task's recommendations from the first month of the range up to now (later ones decide which
     *            recommendation an outcome follows), oldest first
     * @param outcomes
     *            the recorded outcomes of the task per patient pseudonym, in the order they were recorded
     */
    MonitoringReport report(String taskId, YearMonth from, YearMonth to, double horizonDays,
            List<RecommendationFact> facts, Map<String, List<RecordedOutcome>> outcomes) {
        Map<YearMonth, Month> months = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.put(month, new Month());
        }
        Map<String, List<RecommendationFact>> byPatient = new LinkedHashMap<>();
        facts.forEach(fact -> byPatient.computeIfAbsent(fact.patientPseudonym(), p -> new ArrayList<>()).add(fact));
        byPatient.forEach((patient, recommendations) -> {
            RecordedOutcome newest = newest(outcomes.get(patient));
            RecommendationFact counted = countedAt(recommendations, newest);
            for (RecommendationFact fact : recommendations) {
                Month month = months.get(YearMonth.from(fact.recordedAt().atZone(ZoneOffset.UTC)));
                if (month == null) {
                    continue;
                }
                if (fact == counted) {
                    month.add(fact, newest);
                } else {
                    month.repeats++;
                }
            }
        });
        BiasReports reports = new BiasReports();
        List<MonthlyBias> monthly = new ArrayList<>();
        months.forEach((month, rows) -> monthly.add(new MonthlyBias(month, rows.counts(), rows.modelVersions,
                rows.rows.isEmpty() ? null : reports.report(request, rows.rows))));
        return new MonitoringReport(taskId, from, to, horizonDays, request, monthly, trends(monthly));
    }

    private static RecordedOutcome newest(List<RecordedOutcome> outcomes) {
        return outcomes == null || outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
    }

    /**
     * The one recommendation a patient counts at: the one their newest outcome follows (their latest recommendation
     * recorded before it), else, with no outcome yet, their latest. Null when the newest outcome was recorded before
     * all of these recommendations: it follows one made before the range, where the patient counts.
     */
    private static RecommendationFact countedAt(List<RecommendationFact> recommendations, RecordedOutcome newest) {
        if (newest == null) {
            return recommendations.get(recommendations.size() - 1);
        }
        RecommendationFact followed = null;
        for (RecommendationFact fact : recommendations) {
            if (fact.recordedAt().isBefore(newest.recordedAt())) {
                followed = fact;
            }
        }
        return followed;
    }

    private static List<DisparityTrend> trends(List<MonthlyBias> months) {
        Map<List<Object>, Map<YearMonth, Disparity>> series = new LinkedHashMap<>();
        for (MonthlyBias month : months) {
            if (month.report() == null) {
                continue;
            }
            for (GroupingReport grouping : month.report().groupings()) {
                for (Disparity disparity : grouping.disparities()) {
                    List<Object> key = Arrays.asList(grouping.grouping(), disparity.group(), disparity
                            .metric());
                    series.computeIfAbsent(key, k -> new TreeMap<>()).put(month.month(), disparity);
                }
            }
        }
        List<DisparityTrend> trends = new ArrayList<>();
        series.forEach((key, byMonth) -> {
            List<TrendPoint> points = new ArrayList<>();
            for (MonthlyBias month : months) {
                Disparity d = byMonth.get(month.month());
                points.add(d == null
                        ? new TrendPoint(month.month(), null, null)
                        : new TrendPoint(month.month(), d.estimate(), d.verdict()));
            }
            trends.add(new DisparityTrend((String) key.get(0), (String) key.get(1), (DisparityMetric) key.get(2),
                    points));
        });
        return trends;
    }

    /** One month's rows and counts as they are gathered. */
    private final class Month {
        final List<ScoredRow> rows = new ArrayList<>();
        final Map<String, Long> modelVersions = new TreeMap<>();
        long recommendations;
        long withoutOutcome;
        long censored;
        long withoutOption;
        long withoutAttributes;
        long repeats;

        void add(RecommendationFact fact, RecordedOutcome outcome) {
            recommendations++;
            modelVersions.merge(String.valueOf(fact.modelVersion()), 1L, Long::sum);
            if (outcome == null) {
                withoutOutcome++;
                return;
            }
            if (outcome.label() == null) {
                censored++;
                return;
            }
            RecordedCase recorded;
            try {
                recorded = RecordedCase.of(fact.inputsJson(), fact.outputsJson());
            } catch (IllegalArgumentException unreadable) {
                withoutOption++;
                return;
            }
            String option = fact.chosenOption() != null
                    ? fact.chosenOption()
                    : recorded.recommendedOption().orElse(
                            null);
            Double risk = option == null ? null : recorded.risks().get(option);
            if (risk == null || !(risk >= 0 && risk <= 1)) {
                withoutOption++;
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String attribute : attributes) {
                String value = attribute.equals(treatmentFeature) ? option : recorded.entered().get(attribute);
                if (value == null) {
                    withoutAttributes++;
                    return;
                }
                values.put(attribute, value);
            }
            rows.add(new ScoredRow(outcome.label(), risk, values));
        }

        MonitoringCounts counts() {
            return new MonitoringCounts(recommendations, withoutOutcome, censored, withoutOption, withoutAttributes,
                    rows.size(), repeats);
        }
    }
}
