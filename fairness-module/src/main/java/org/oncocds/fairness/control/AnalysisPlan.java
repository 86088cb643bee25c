package org.oncocds.fairness.control;

import java.util.List;
import java.util.Map;

/**
 * What to analyse: each grouping is one attribute or an intersection of attributes; {@code bands} turns a numeric
 * attribute into bands at the given cut points; {@code referenceGroups} names a reference group per grouping name,
 * the largest group being the reference otherwise; {@code decisionsOnly} says the rows carry 0/1 decisions instead
 * of scores, so the score-based measures are undefined. The boundary validates a plan before it gets here.
 */
public record AnalysisPlan(List<List<String>> groupings, Map<String, List<Double>> bands, double threshold,
        Map<String, String> referenceGroups, int minimumGroupSize, int bootstrapReplicates, long seed,
        Map<Gap, Double> tolerances, boolean decisionsOnly) {

    public AnalysisPlan {
        groupings = groupings.stream().map(List::copyOf).toList();
        bands = Map.copyOf(bands);
        referenceGroups = Map.copyOf(referenceGroups);
        tolerances = Map.copyOf(tolerances);
    }

    /** The name of a grouping as reports show it, e.g. {@code sex × age}. */
    public static String groupingName(List<String> attributes) {
        return String.join(" × ", attributes);
    }
}
