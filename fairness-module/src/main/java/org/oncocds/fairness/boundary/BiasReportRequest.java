package org.oncocds.fairness.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bias report covers and how it judges.
 *
 * @param attributes          the attributes to group by, each on its own (e.g. sex, age, menopausal status, arm)
 * @param intersections       groupings by two or three attributes at once (e.g. [sex, age])
 * @param bands               numeric attributes to band, with increasing cut points ({@code age -> [50, 65]} gives
 *                            {@code <50}, {@code 50-64}, {@code 65+})
 * @param threshold           a score at or above it is a positive prediction (0 < threshold < 1)
 * @param referenceGroups     the reference group per grouping name ({@code sex}, {@code sex × age}); a grouping not
 *                            named here takes its largest group
 * @param minimumGroupSize    smaller groups are reported as insufficient data and not compared
 * @param bootstrapReplicates replicates of the stratified bootstrap (0 = no intervals, at most 10,000)
 * @param seed                seed of the bootstrap: the same request on the same rows gives the same intervals
 * @param tolerances          the tolerances behind the verdicts
 */
public record BiasReportRequest(List<String> attributes, List<List<String>> intersections,
        Map<String, List<Double>> bands, double threshold, Map<String, String> referenceGroups, int minimumGroupSize,
        int bootstrapReplicates, long seed, Tolerances tolerances) {

    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_MINIMUM_GROUP_SIZE = 30;
    public static final int DEFAULT_BOOTSTRAP_REPLICATES = 1000;
    public static final long DEFAULT_SEED = 20_240_501L;
    public static final int MAX_BOOTSTRAP_REPLICATES = 10_000;
    public static final int MAX_INTERSECTION_SIZE = 3;
    /** An attribute has at most 64 groups, so at most 63 cut points. */
    public static final int MAX_CUT_POINTS = 63;

    public BiasReportRequest {
        require(attributes, "attributes");
        require(intersections, "intersections");
        require(bands, "bands");
        require(referenceGroups, "referenceGroups");
        require(tolerances, "tolerances");
        checkAttributes(attributes);
        checkIntersections(intersections);
        attributes = List.copyOf(attributes);
        intersections = intersections.stream().map(List::copyOf).toList();
        checkBands(bands, attributes, intersections);
        bands = copyOf(bands);
        if (!(threshold > 0 && threshold < 1)) {
            throw new InvalidBiasInputException("threshold", "threshold must be above 0 and below 1, was "
                    + threshold);
        }
        checkReferenceGroups(referenceGroups, attributes, intersections);
        referenceGroups = Map.copyOf(referenceGroups);
        if (minimumGroupSize < 1) {
            throw new InvalidBiasInputException("minimumGroupSize", "minimumGroupSize must be at least 1, was "
                    + minimumGroupSize);
        }
        if (bootstrapReplicates < 0 || bootstrapReplicates > MAX_BOOTSTRAP_REPLICATES) {
            throw new InvalidBiasInputException("bootstrapReplicates", "bootstrapReplicates must be 0 to "
                    + MAX_BOOTSTRAP_REPLICATES + ", was " + bootstrapReplicates);
        }
    }

    /** A request with the defaults: threshold 0.5, largest group as reference, 30 rows minimum, 1000 replicates. */
    public static BiasReportRequest of(String... attributes) {
        return new BiasReportRequest(Arrays.asList(attributes), List.of(), Map.of(), DEFAULT_THRESHOLD, Map.of(),
                DEFAULT_MINIMUM_GROUP_SIZE, DEFAULT_BOOTSTRAP_REPLICATES, DEFAULT_SEED, Tolerances.defaults());
    }

    public BiasReportRequest withIntersection(String... intersection) {
        List<List<String>> more = new ArrayList<>(intersections);
        more.add(Arrays.asList(intersection));
        return new BiasReportRequest(attributes, more, bands, threshold, referenceGroups, minimumGroupSize,
                bootstrapReplicates, seed, tolerances);
    }

    public BiasReportRequest withBands(String attribute, Double... cutPoints) {
        Map<String, List<Double>> more = new HashMap<>(bands);
        more.put(attribute, Arrays.asList(cutPoints));
        return new BiasReportRequest(attributes, intersections, more, threshold, referenceGroups, minimumGroupSize,
                bootstrapReplicates, seed, tolerances);
    }

    public BiasReportRequest withThreshold(double newThreshold) {
        return new BiasReportRequest(attributes, intersections, bands, newThreshold, referenceGroups,
                minimumGroupSize, bootstrapReplicates, seed, tolerances);
    }

    public BiasReportRequest withReferenceGroup(String grouping, String group) {
        Map<String, String> more = new HashMap<>(referenceGroups);
        more.put(grouping, group);
        return new BiasReportRequest(attributes, intersections, bands, threshold, more, minimumGroupSize,
                bootstrapReplicates, seed, tolerances);
    }

    public BiasReportRequest withMinimumGroupSize(int size) {
        return new BiasReportRequest(attributes, intersections, bands, threshold, referenceGroups, size,
                bootstrapReplicates, seed, tolerances);
    }

    public BiasReportRequest withBootstrap(int replicates, long newSeed) {
        return new BiasReportRequest(attributes, intersections, bands, threshold, referenceGroups, minimumGroupSize,
                replicates, newSeed, tolerances);
    }

    public BiasReportRequest withTolerances(Tolerances newTolerances) {
        return new BiasReportRequest(attributes, intersections, bands, threshold, referenceGroups, minimumGroupSize,
                bootstrapReplicates, seed, newTolerances);
    }

    /** Every grouping in report order: the attributes one by one, then the intersections. */
    public List<List<String>> groupings() {
        List<List<String>> all = new ArrayList<>();
        attributes.forEach(attribute -> all.add(List.of(attribute)));
        all.addAll(intersections);
        return all;
    }

    /** The name a grouping has in reports and in {@link #referenceGroups}: its attributes joined by " × ". */
    public static String groupingName(List<String> attributes) {
        return String.join(" × ", attributes);
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidBiasInputException(field, field + " is required");
        }
        return value;
    }

    private static Map<String, List<Double>> copyOf(Map<String, List<Double>> bands) {
        Map<String, List<Double>> copy = new HashMap<>();
        bands.forEach((attribute, cuts) -> copy.put(attribute, List.copyOf(cuts)));
        return Map.copyOf(copy);
    }

    private static void checkAttributes(List<String> attributes) {
        if (attributes.isEmpty()) {
            throw new InvalidBiasInputException("attributes", "attributes must name at least one attribute");
        }
        checkNames(attributes, "attributes");
    }

    private static void checkIntersections(List<List<String>> intersections) {
        for (List<String> intersection : intersections) {
            if (intersection == null || intersection.size() < 2 || intersection.size() > MAX_INTERSECTION_SIZE) {
                throw new InvalidBiasInputException("intersections", "intersections: an intersection joins 2 to "
                        + MAX_INTERSECTION_SIZE + " attributes, not " + intersection);
            }
            checkNames(intersection, "intersections");
        }
    }

    private static void checkNames(List<String> names, String field) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new InvalidBiasInputException(field, field + " contains a blank attribute name");
            }
            if (!seen.add(name)) {
                throw new InvalidBiasInputException(field, field + " names '" + name + "' twice");
            }
        }
    }

    private static void checkBands(Map<String, List<Double>> bands, List<String> attributes,
            List<List<String>> intersections) {
        Set<String> used = new HashSet<>(attributes);
        intersections.forEach(used::addAll);
        for (Map.Entry<String, List<Double>> entry : bands.entrySet()) {
            if (entry.getKey() == null) {
                throw new InvalidBiasInputException("bands", "bands names no attribute");
            }
            String field = "bands." + entry.getKey();
            if (!used.contains(entry.getKey())) {
                throw new InvalidBiasInputException(field, field + ": '" + entry.getKey()
                        + "' is not among the attributes or intersections");
            }
            List<Double> cuts = entry.getValue();
            if (cuts == null || cuts.isEmpty() || cuts.size() > MAX_CUT_POINTS) {
                throw new InvalidBiasInputException(field, field + " needs 1 to " + MAX_CUT_POINTS
                        + " cut points");
            }
            for (int i = 0; i < cuts.size(); i++) {
                Double cut = cuts.get(i);
                if (cut == null || !Double.isFinite(cut) || (i > 0 && !(cut > cuts.get(i - 1)))) {
                    throw new InvalidBiasInputException(field, field
                            + " must be finite and strictly increasing, was " + cuts);
                }
            }
        }
    }

    private static void checkReferenceGroups(Map<String, String> referenceGroups, List<String> attributes,
            List<List<String>> intersections) {
        Map<String, List<String>> groupings = new LinkedHashMap<>();
        attributes.forEach(attribute -> groupings.put(attribute, List.of(attribute)));
        intersections.forEach(intersection -> groupings.put(groupingName(intersection), intersection));
        for (Map.Entry<String, String> entry : referenceGroups.entrySet()) {
            if (entry.getKey() == null || !groupings.containsKey(entry.getKey())) {
                throw new InvalidBiasInputException("referenceGroups", "referenceGroups names '" + entry.getKey()
                        + "', which is not one of the groupings " + groupings.keySet());
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw new InvalidBiasInputException("referenceGroups", "referenceGroups gives no group for '"
                        + entry.getKey() + "'");
            }
        }
    }
}
