package org.oncocds.fairness.control;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Analysis plans for tests: defaults unless a test says otherwise. */
final class Plans {

    private Plans() {
    }

    static Map<Gap, Double> defaultTolerances() {
        Map<Gap, Double> tolerances = new EnumMap<>(Gap.class);
        tolerances.put(Gap.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.10);
        tolerances.put(Gap.DEMOGRAPHIC_PARITY_RATIO, 0.80);
        tolerances.put(Gap.EQUAL_OPPORTUNITY_DIFFERENCE, 0.10);
        tolerances.put(Gap.EQUALIZED_ODDS_DIFFERENCE, 0.10);
        tolerances.put(Gap.PREDICTIVE_PARITY_DIFFERENCE, 0.10);
        tolerances.put(Gap.CALIBRATION_DIFFERENCE, 0.20);
        return tolerances;
    }

    /** One grouping per attribute, threshold 0.5, minimum group size 1, no bootstrap. */
    static AnalysisPlan pointsOnly(String... attributes) {
        return new AnalysisPlan(List.of(attributes).stream().map(List::of).toList(), Map.of(), 0.5, Map.of(), 1, 0,
                1L, defaultTolerances(), false);
    }

    static AnalysisPlan with(AnalysisPlan plan, double threshold, int minimumGroupSize, int replicates, long seed) {
        return new AnalysisPlan(plan.groupings(), plan.bands(), threshold, plan.referenceGroups(), minimumGroupSize,
                replicates, seed, plan.tolerances(), plan.decisionsOnly());
    }

    static AnalysisPlan withReference(AnalysisPlan plan, String grouping, String group) {
        return new AnalysisPlan(plan.groupings(), plan.bands(), plan.threshold(), Map.of(grouping, group), plan
                .minimumGroupSize(), plan.bootstrapReplicates(), plan.seed(), plan.tolerances(), plan.decisionsOnly());
    }

    /** Adds rows given as {label, score} pairs, all in the group {@code attribute = value}. */
    static void addRows(SubgroupAnalysis analysis, String attribute, String value, double[][] rows) {
        for (double[] row : rows) {
            analysis.add((int) row[0], row[1], Map.of(attribute, value));
        }
    }

    static GroupingResult grouping(AnalysisResult result, String name) {
        return result.groupings().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    static SubgroupResult group(GroupingResult grouping, String label) {
        return grouping.groups().stream().filter(g -> g.label().equals(label)).findFirst().orElseThrow();
    }

    static GapResult gap(GroupingResult grouping, Gap gap, String group) {
        return grouping.gaps().stream().filter(r -> r.gap() == gap && java.util.Objects.equals(r.group(), group))
                .findFirst().orElseThrow();
    }
}
