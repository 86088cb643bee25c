package org.oncocds.fairness.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns one grouping's tallies into its report: measures per group, the reference group, the disparities against it
 * and across all groups, each with its stratified bootstrap interval and verdict.
 */
final class GroupingAnalysis {

    private static final String ACROSS_NEEDS_TWO = "fewer than two groups have sufficient data";
    private static final String DECISIONS_ONLY = "the rows carry decisions, not scores";
    private static final List<Measure> SCORE_MEASURES = List.of(Measure.AUC, Measure.BRIER_SCORE,
            Measure.OBSERVED_EXPECTED_RATIO);

    private final AnalysisPlan plan;
    private final Grouping grouping;
    private final int replicates;
    private final List<Grouping.Group> groups;
    private final List<GroupCounts> counts = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    private final List<Integer> sufficient = new ArrayList<>();
    /** Per sufficient group (same order as {@link #sufficient}), per replicate, the measures. */
    private final double[][][] replicateMeasures;

    GroupingAnalysis(AnalysisPlan plan, Grouping grouping, int replicates, SplittableRandom random) {
        this.plan = plan;
        this.grouping = grouping;
        this.replicates = replicates;
        this.groups = grouping.groups();
        for (int g = 0; g < groups.size(); g++) {
            GroupCounts c = groups.get(g).tally().counts();
            counts.add(c);
            points.add(withoutScoreMeasures(Formulas.measures(c, plan.threshold())));
            if (c.n() >= plan.minimumGroupSize()) {
                sufficient.add(g);
            }
        }
        this.replicateMeasures = StratifiedBootstrap.measures(sufficient.stream().map(g -> groups.get(g).tally()
                .cells()).toList(), replicates, random, plan.threshold());
    }

    GroupingResult result() {
        List<String> attributes = grouping.attributes();
        String name = AnalysisPlan.groupingName(attributes);
        String named = plan.referenceGroups().get(name);
        int reference = named == null ? largest() : indexOf(named);
        String referenceLabel = reference < 0 ? named : groups.get(reference).label();
        String rule = named == null ? "largest group" : "named in the request";
        List<SubgroupResult> subgroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            subgroups.add(subgroup(g));
        }
        List<GapResult> gaps = new ArrayList<>();
        for (Gap gap : Gap.values()) {
            gaps.add(Verdicts.judge(gap, null, across(gap), tolerance(gap)));
            for (int g = 0; g < groups.size(); g++) {
                if (g != reference) {
                    gaps.add(Verdicts.judge(gap, groups.get(g).label(), versus(gap, g, reference, named),
                            tolerance(gap)));
                }
            }
        }
        return new GroupingResult(name, attributes, referenceLabel, rule, subgroups, gaps);
    }

    private double tolerance(Gap gap) {
        return plan.tolerances().get(gap);
    }

    private int largest() {
        int largest = -1;
        for (int g = 0; g < groups.size(); g++) {
            if (largest < 0 || counts.get(g).n() > counts.get(largest).n()) {
                largest = g;
            }
        }
        return largest;
    }

    private int indexOf(String label) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).label().equals(label)) {
                return g;
            }
        }
        return -1;
    }

    private SubgroupResult subgroup(int g) {
        GroupCounts c = counts.get(g);
        int position = sufficient.indexOf(g);
        Map<Measure, Value> values = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            double point = points.get(g)[measure.ordinal()];
            String undefined = Double.isNaN(point) ? undefinedReason(measure, c) : null;
            values.put(measure, position < 0
                    ? notSampled(point, undefined, insufficient(g))
                    : withInterval(point, undefined, replicatesOf(position, measure)));
        }
        return new SubgroupResult(groups.get(g).label(), c.n(), position >= 0, Collections.unmodifiableMap(values));
    }

    private Value across(Gap gap) {
        if (sufficient.size() < 2) {
            return Value.undefined(ACROSS_NEEDS_TWO);
        }
        List<double[]> sampled = sufficient.stream().map(points::get).toList();
        double point = Disparities.across(gap, sampled);
        String undefined = Double.isNaN(point) ? undefinedAcross(gap) : null;
        double[] values = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            List<double[]> replicate = new ArrayList<>();
            for (double[][] group : replicateMeasures) {
                replicate.add(group[r]);
            }
            values[r] = Disparities.across(gap, replicate);
        }
        return withInterval(point, undefined, values);
    }

    private Value versus(Gap gap, int g, int reference, String named) {
        if (reference < 0) {
            return Value.undefined("the reference group '" + named + "' has no rows");
        }
        if (!sufficient.contains(reference)) {
            return Value.undefined("the reference group " + insufficient(reference));
        }
        if (!sufficient.contains(g)) {
            return Value.undefined("the group " + insufficient(g));
        }
        double point = Disparities.versus(gap, points.get(g), points.get(reference));
        String undefined = Double.isNaN(point) ? undefinedVersus(gap, g, reference) : null;
        double[][] group = replicateMeasures[sufficient.indexOf(g)];
        double[][] base = replicateMeasures[sufficient.indexOf(reference)];
        double[] values = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            values[r] = Disparities.versus(gap, group[r], base[r]);
        }
        return withInterval(point, undefined, values);
    }

    private String undefinedAcross(Gap gap) {
        for (int g : sufficient) {
            String reason = undefinedInput(gap, g);
            if (reason != null) {
                return reason;
            }
        }
        return "no group has any row predicted positive";
    }

    private String undefinedVersus(Gap gap, int g, int reference) {
        String reason = undefinedInput(gap, reference);
        if (reason == null) {
            reason = undefinedInput(gap, g);
        }
        return reason != null ? reason : "the reference group has no row predicted positive";
    }

    private String undefinedInput(Gap gap, int g) {
        for (Measure measure : Disparities.inputs(gap)) {
            if (Double.isNaN(points.get(g)[measure.ordinal()])) {
                return measure + " is undefined in group '" + groups.get(g).label() + "': "
                        + undefinedReason(measure, counts.get(g));
            }
        }
        return null;
    }

    /** With decisions instead of scores, AUC, Brier score and O/E would describe the decisions, not a model. */
    private double[] withoutScoreMeasures(double[] measures) {
        if (plan.decisionsOnly()) {
            for (Measure measure : SCORE_MEASURES) {
                measures[measure.ordinal()] = Double.NaN;
            }
        }
        return measures;
    }

    private String undefinedReason(Measure measure, GroupCounts c) {
        return plan.decisionsOnly() && SCORE_MEASURES.contains(measure)
                ? DECISIONS_ONLY
                : Formulas.undefinedReason(measure, c);
    }

    private String insufficient(int g) {
        return "'" + groups.get(g).label() + "' has insufficient data: n = " + counts.get(g).n()
                + " is under the minimum group size " + plan.minimumGroupSize();
    }

    private Value withInterval(double point, String undefined, double[] values) {
        if (replicates == 0) {
            return notSampled(point, undefined, "no bootstrap replicates were requested");
        }
        return Intervals.of(point, undefined, values);
    }

    private static Value notSampled(double point, String undefined, String why) {
        return Double.isNaN(point) ? Value.undefined(undefined) : Value.withoutInterval(point, why);
    }

    private double[] replicatesOf(int position, Measure measure) {
        double[] values = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            values[r] = replicateMeasures[position][r][measure.ordinal()];
        }
        return values;
    }
}
