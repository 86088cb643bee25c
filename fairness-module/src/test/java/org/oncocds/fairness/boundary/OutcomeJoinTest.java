package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.RecommendationFact;

/**
 * The monitoring join on a table worked by hand (horizon 1826.25 days, threshold 0.5, every group compared):
 *
 * <pre>
 * January  patient sex risks (Obs, Lev)   chosen / recommended   newest outcome        row
 *          P1      0   0.70, 0.60          chosen Lev             event day 400         label 1, score 0.60 (Lev)
 *          P2      0   0.30, 0.20          recommended Obs        event-free day 2000   label 0, score 0.30 (Obs)
 *          P3      1   0.80, 0.55          chosen Obs  (v2)       event day 1900        label 0 (after horizon), 0.80
 *          P4      1   0.40                chosen Obs             event-free day 900    censored
 *          P5      1   0.40                chosen Obs             none                  without outcome
 *          P6      (imputed) 0.40          chosen Obs             event day 100         without attributes
 *          P7      0   0.40                none, none             event day 50          without option
 *          P1 again on 31 January, after P1's outcome was recorded on the 20th: a repeat, not counted again
 * February P8      1   0.45                chosen Obs             event day 300 (after event-free day 100) label 1, 0.45
 *          P9      0   Lev 0.52            chosen Lev             event-free day 1827   label 0, score 0.52
 * March    no recommendations
 * </pre>
 *
 * January by sex: 0 = {P1, P2}: selection rate 1/2 = 0.5, TPR 1/1, FPR 0/1; 1 = {P3}: selection rate 1, FPR 1, TPR
 * undefined. Reference: the largest group, 0. Demographic parity difference of 1: 1 − 0.5 = 0.5. February: 0 = {P9}
 * selection rate 1; 1 = {P8} selection rate 0; a tie in size, so the reference is the first listed, 0: 0 − 1 = −1.
 * Outcomes are recorded on 1 June unless said otherwise.
 */
class OutcomeJoinTest {

    private static final double HORIZON = 1826.25;
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private final List<RecommendationFact> facts = new ArrayList<>();
    private final Map<String, List<RecordedOutcome>> outcomes = new HashMap<>();

    @Test
    void monthsReportTheLabelledRowsAndCountWhyTheOthersAreLeftOut() {
        MonitoringReport report = handWorkedTable();

        assertEquals(List.of(JANUARY, JANUARY.plusMonths(1), MARCH), report.months().stream().map(MonthlyBias::month)
                .toList());
        MonthlyBias january = report.months().get(0);
        assertEquals(new MonitoringCounts(7, 1, 1, 1, 1, 3, 1), january.counts());
        assertEquals(Map.of("colon-recurrence-5y/1", 6L, "colon-recurrence-5y/2", 1L), january.modelVersions());
        assertEquals(3, january.report().rows());
        GroupingReport sex = january.report().groupings().get(0);
        assertEquals("0", sex.referenceGroup());
        GroupReport female = sex.groups().get(0);
        assertEquals(2, female.n());
        assertEquals(0.5, female.metrics().get(GroupMetric.BASE_RATE).value());
        assertEquals(0.5, female.metrics().get(GroupMetric.SELECTION_RATE).value());
        assertEquals(1.0, female.metrics().get(GroupMetric.TRUE_POSITIVE_RATE).value());
        assertEquals(0.0, female.metrics().get(GroupMetric.FALSE_POSITIVE_RATE).value());
        assertEquals((0.4 * 0.4 + 0.3 * 0.3) / 2, female.metrics().get(GroupMetric.BRIER_SCORE).value(), 1e-12);
        GroupReport male = sex.groups().get(1);
        assertEquals(1.0, male.metrics().get(GroupMetric.SELECTION_RATE).value());
        assertNull(male.metrics().get(GroupMetric.TRUE_POSITIVE_RATE).value());
        // the treatment arm is the option scored: Lev for P1, Obs for P2 and P3
        GroupingReport arm = january.report().groupings().get(1);
        assertEquals(Map.of("Lev", 1L, "Obs", 2L), Map.of(arm.groups().get(0).group(), arm.groups().get(0).n(), arm
                .groups().get(1).group(), arm.groups().get(1).n()));

        MonthlyBias february = report.months().get(1);
        assertEquals(new MonitoringCounts(2, 0, 0, 0, 0, 2, 0), february.counts());
        MonthlyBias march = report.months().get(2);
        assertEquals(new MonitoringCounts(0, 0, 0, 0, 0, 0, 0), march.counts());
        assertNull(march.report());
    }

    /**
     * Range January to February; facts from January up to now (April), as LiveMonitoring reads them.
     *
     * <pre>
     * patient  recommendations (Obs risk)            outcomes recorded (newest last)          counted at
     * A        Jan 10 (0.7), Feb 3 (0.2)             event day 30 on Jan 20                    Jan 10: label 1, 0.7;
     *                                                                                          Feb 3 a repeat
     * B        Jan 12 (0.6)                          event-free day 100 on Jan 30 (censored),  Jan 12: label 1, 0.6
     *                                                then event day 150 on Feb 20
     * C        Jan 14 (0.4), Apr 2 (0.9)             event day 10 on Apr 5                     Apr 2 (after the range):
     *                                                                                          Jan 14 a repeat
     * D        Feb 5 (0.3)                           event-free day 1900 on Jan 2              before the range (its
     *                                                (before Feb 5: follows an earlier one)    outcome's): Feb 5 a repeat
     * E        Jan 16 (0.2), Jan 17 (0.1)            none                                      Jan 17, without outcome;
     *                                                                                          Jan 16 a repeat
     * </pre>
     */
    @Test
    void anOutcomeBelongsToTheRecommendationItFollowsAndEachPatientCountsOnce() {
        recommend("A", "2026-01-10T09:00:00Z", "0", "{\"option\":\"Obs\",\"risk\":0.7}", "Obs", null, 1);
        recommend("B", "2026-01-12T09:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.6}", "Obs", null, 1);
        recommend("C", "2026-01-14T09:00:00Z", "0", "{\"option\":\"Obs\",\"risk\":0.4}", "Obs", null, 1);
        recommend("E", "2026-01-16T09:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.2}", "Obs", null, 1);
        recommend("E", "2026-01-17T09:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.1}", "Obs", null, 1);
        recommend("A", "2026-02-03T09:00:00Z", "0", "{\"option\":\"Obs\",\"risk\":0.2}", "Obs", null, 2);
        recommend("D", "2026-02-05T09:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.3}", "Obs", null, 2);
        recommend("C", "2026-04-02T09:00:00Z", "0", "{\"option\":\"Obs\",\"risk\":0.9}", "Obs", null, 2);
        outcome("D", OutcomeKind.EVENT_FREE, 1900, "2026-01-02T09:00:00Z");
        outcome("A", OutcomeKind.EVENT, 30, "2026-01-20T09:00:00Z");
        outcome("B", OutcomeKind.EVENT_FREE, 100, "2026-01-30T09:00:00Z");
        outcome("B", OutcomeKind.EVENT, 150, "2026-02-20T09:00:00Z");
        outcome("C", OutcomeKind.EVENT, 10, "2026-04-05T09:00:00Z");

        BiasReportRequest request = BiasReportRequest.of("sex").withMinimumGroupSize(1).withBootstrap(0, 1);
        MonitoringReport report = new OutcomeJoin(request, "rx").report("colon-recurrence-5y", JANUARY, JANUARY
                .plusMonths(1), HORIZON, facts, outcomes);

        MonthlyBias january = report.months().get(0);
        assertEquals(new MonitoringCounts(3, 1, 0, 0, 0, 2, 2), january.counts());
        assertEquals(Map.of("colon-recurrence-5y/1", 3L), january.modelVersions());
        GroupingReport sex = january.report().groupings().get(0);
        // A (sex 0) scored 0.7 on its first recommendation, not 0.2 on its repeat; B (sex 1) 0.6, its newest outcome
        assertEquals(List.of((1 - 0.7) * (1 - 0.7), (1 - 0.6) * (1 - 0.6)), sex.groups().stream().map(g -> g
                .metrics().get(GroupMetric.BRIER_SCORE).value()).toList());
        assertEquals(List.of(1.0, 1.0), sex.groups().stream().map(g -> g.metrics().get(GroupMetric.BASE_RATE).value())
                .toList());
        MonthlyBias february = report.months().get(1);
        assertEquals(new MonitoringCounts(0, 0, 0, 0, 0, 0, 2), february.counts());
        assertNull(february.report());
    }

    @Test
    void eachDisparityHasOnePointPerMonth() {
        MonitoringReport report = handWorkedTable();

        DisparityTrend parity = report.trends().stream().filter(t -> t.grouping().equals("sex") && "1".equals(t
                .group()) && t.metric() == DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).findFirst().orElseThrow();
        assertEquals(3, parity.points().size());
        assertEquals(0.5, parity.points().get(0).estimate().value(), 1e-12);
        assertEquals(-1.0, parity.points().get(1).estimate().value(), 1e-12);
        assertEquals(Verdict.WARN, parity.points().get(1).verdict(), "beyond tolerance, no interval to confirm it");
        assertNull(parity.points().get(2).estimate());
        assertNull(parity.points().get(2).verdict());
        DisparityTrend across = report.trends().stream().filter(t -> t.grouping().equals("sex") && t.group() == null
                && t.metric() == DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).findFirst().orElseThrow();
        assertEquals(0.5, across.points().get(0).estimate().value(), 1e-12);
        assertEquals(1.0, across.points().get(1).estimate().value(), 1e-12);
        assertEquals(report.trends().size(), report.trends().stream().map(t -> List.of(t.grouping(), String.valueOf(t
                .group()), t.metric())).distinct().count());
    }

    private MonitoringReport handWorkedTable() {
        recommend("P1", "2026-01-05T10:00:00Z", "0",
                "{\"option\":\"Obs\",\"risk\":0.7},{\"option\":\"Lev\",\"risk\":0.6}",
                "Lev", null, 1);
        outcome("P1", OutcomeKind.EVENT, 400, "2026-01-20T08:00:00Z");
        recommend("P2", "2026-01-06T10:00:00Z", "0",
                "{\"option\":\"Obs\",\"risk\":0.3},{\"option\":\"Lev\",\"risk\":0.2}",
                null, "Obs", 1);
        outcome("P2", OutcomeKind.EVENT_FREE, 2000);
        recommend("P3", "2026-01-07T10:00:00Z", "1",
                "{\"option\":\"Obs\",\"risk\":0.8},{\"option\":\"Lev\",\"risk\":0.55}",
                "Obs", null, 2);
        outcome("P3", OutcomeKind.EVENT, 1900);
        recommend("P4", "2026-01-08T10:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.4}", "Obs", null, 1);
        outcome("P4", OutcomeKind.EVENT_FREE, 900);
        recommend("P5", "2026-01-09T10:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.4}", "Obs", null, 1);
        recommend("P6", "2026-01-10T10:00:00Z", null, "{\"option\":\"Obs\",\"risk\":0.4}", "Obs", null, 1);
        outcome("P6", OutcomeKind.EVENT, 100);
        recommend("P7", "2026-01-11T10:00:00Z", "0", "{\"option\":\"Obs\",\"risk\":0.4}", null, null, 1);
        outcome("P7", OutcomeKind.EVENT, 50);
        recommend("P1", "2026-01-31T23:59:59Z", "0", "{\"option\":\"Obs\",\"risk\":0.1}", "Obs", null, 1);
        recommend("P8", "2026-02-01T00:00:00Z", "1", "{\"option\":\"Obs\",\"risk\":0.45}", "Obs", null, 1);
        outcome("P8", OutcomeKind.EVENT, 300);
        recommend("P9", "2026-02-27T10:00:00Z", "0", "{\"option\":\"Lev\",\"risk\":0.52}", "Lev", null, 1);
        outcome("P9", OutcomeKind.EVENT_FREE, 1827);
        BiasReportRequest request = BiasReportRequest.of("sex", "rx").withMinimumGroupSize(1).withBootstrap(0, 1);
        return new OutcomeJoin(request, "rx").report("colon-recurrence-5y", JANUARY, MARCH, HORIZON, facts,
                outcomes);
    }

    private void recommend(String patient, String at, String sex, String options, String chosen, String recommended,
            int version) {
        String sexFeature = sex == null
                ? "\"sex\":{\"imputed\":true,\"value\":\"1\"}"
                : "\"sex\":{\"imputed\":false,\"value\":\"" + sex + "\"}";
        String inputs = "{\"features\":{\"age\":{\"imputed\":false,\"value\":61}," + sexFeature
                + "},\"referenceOption\":\"Obs\",\"taskId\":\"colon-recurrence-5y\"}";
        String outputs = "{\"drivers\":[],\"options\":[" + options + "]" + (recommended == null
                ? ""
                : ",\"recommendedOption\":\"" + recommended + "\"") + ",\"referenceOption\":\"Obs\"}";
        facts.add(new RecommendationFact(facts.size() + 1, Instant.parse(at), "pseudonym-" + patient,
                "colon-recurrence-5y/" + version, inputs, outputs, chosen));
    }

    private void outcome(String patient, OutcomeKind kind, int day) {
        outcome(patient, kind, day, "2026-06-01T00:00:00Z");
    }

    /** An outcome recorded after the patient's earlier ones. */
    private void outcome(String patient, OutcomeKind kind, int day, String recordedAt) {
        var label = org.oncocds.fairness.control.FollowUp.label(kind == OutcomeKind.EVENT, day, HORIZON);
        outcomes.computeIfAbsent("pseudonym-" + patient, p -> new ArrayList<>()).add(new RecordedOutcome(outcomes
                .size() + 1, "colon-recurrence-5y", "pseudonym-" + patient, kind, day, label.isPresent()
                        ? label.getAsInt()
                        : null,
                "dm", Instant.parse(recordedAt)));
    }
}
