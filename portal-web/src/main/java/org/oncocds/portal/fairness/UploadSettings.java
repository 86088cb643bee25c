package org.oncocds.portal.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.CsvColumns;
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.fairness.boundary.Tolerances;

/**
 * What a bias report over an uploaded CSV table is asked for, read from the upload form or the API's query parameters:
 * the label column and the score or decision column, the attribute columns, and optionally intersections
 * ({@code sex*age}), age bands ({@code age:50,65}), reference groups ({@code sex:F}), the threshold, the minimum group
 * size, the bootstrap and the model version to store the report under. Every refusal names its parameter.
 */
public record UploadSettings(CsvColumns columns, BiasReportRequest request, String modelVersion,
        List<Problem> problems) {

    /** The largest upload read, in bytes; a bigger one is refused before anything is stored. */
    public static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    public static final String LABEL = "label";
    public static final String SCORE = "score";
    public static final String DECISION = "decision";
    public static final String ATTRIBUTES = "attributes";
    public static final String INTERSECTIONS = "intersections";
    public static final String BANDS = "bands";
    public static final String REFERENCE_GROUPS = "referenceGroups";
    public static final String THRESHOLD = "threshold";
    public static final String MINIMUM_GROUP_SIZE = "minimumGroupSize";
    public static final String BOOTSTRAP_REPLICATES = "bootstrapReplicates";
    public static final String SEED = "seed";
    public static final String MODEL_VERSION = "modelVersion";

    /** One refused parameter and why. */
    public record Problem(String field, String message) {
    }

    /**
     * Reads the settings; {@code parameter} gives every value sent for a name (empty when none). Lists are separated by
     * commas, several intersections, bands or reference groups by semicolons or by repeating the parameter.
     */
    public static UploadSettings read(Function<String, List<String>> parameter) {
        List<Problem> problems = new ArrayList<>();
        String label = single(parameter, LABEL);
        String score = single(parameter, SCORE);
        String decision = single(parameter, DECISION);
        CsvColumns columns = null;
        try {
            columns = new CsvColumns(label, score, decision);
        } catch (InvalidBiasInputException refused) {
            problems.add(new Problem(refused.field(), refused.getMessage()));
        }
        List<String> attributes = items(parameter, ATTRIBUTES, ",");
        List<List<String>> intersections = new ArrayList<>();
        for (String intersection : items(parameter, INTERSECTIONS, ";")) {
            intersections.add(Arrays.stream(intersection.split("[*×]")).map(String::strip).toList());
        }
        Map<String, List<Double>> bands = new HashMap<>();
        for (String band : items(parameter, BANDS, ";")) {
            String[] parts = band.split(":", 2);
            try {
                bands.put(parts[0].strip(), Arrays.stream(parts[1].split(",")).map(String::strip).map(
                        Double::valueOf).toList());
            } catch (RuntimeException e) {
                problems.add(new Problem(BANDS, "bands: write each as attribute:cut,cut (e.g. age:50,65), not '"
                        + band + "'"));
            }
        }
        Map<String, String> references = new HashMap<>();
        for (String reference : items(parameter, REFERENCE_GROUPS, ";")) {
            String[] parts = reference.split(":", 2);
            if (parts.length < 2) {
                problems.add(new Problem(REFERENCE_GROUPS, "referenceGroups: write each as grouping:group (e.g. "
                        + "sex:F), not '" + reference + "'"));
            } else {
                references.put(parts[0].strip(), parts[1].strip());
            }
        }
        double threshold = number(parameter, THRESHOLD, BiasReportRequest.DEFAULT_THRESHOLD, problems);
        int minimum = (int) whole(parameter, MINIMUM_GROUP_SIZE, BiasReportRequest.DEFAULT_MINIMUM_GROUP_SIZE,
                problems);
        int replicates = (int) whole(parameter, BOOTSTRAP_REPLICATES, BiasReportRequest.DEFAULT_BOOTSTRAP_REPLICATES,
                problems);
        long seed = whole(parameter, SEED, BiasReportRequest.DEFAULT_SEED, problems);
        BiasReportRequest request = null;
        if (attributes.isEmpty()) {
            problems.add(new Problem(ATTRIBUTES, "attributes: name at least one attribute column (e.g. sex,age)"));
        } else if (problems.isEmpty()) {
            try {
                request = new BiasReportRequest(attributes, intersections, bands, threshold, references, minimum,
                        replicates, seed, Tolerances.defaults());
            } catch (InvalidBiasInputException refused) {
                problems.add(new Problem(refused.field(), refused.getMessage()));
            }
        }
        String modelVersion = single(parameter, MODEL_VERSION);
        return new UploadSettings(columns, request, modelVersion == null || modelVersion.isBlank()
                ? null
                : modelVersion.strip(), List.copyOf(problems));
    }

    private static String single(Function<String, List<String>> parameter, String name) {
        List<String> values = parameter.apply(name);
        return values == null || values.isEmpty() || values.get(0) == null ? null : values.get(0).strip();
    }

    private static List<String> items(Function<String, List<String>> parameter, String name, String separator) {
        List<String> items = new ArrayList<>();
        List<String> values = parameter.apply(name);
        if (values != null) {
            values.stream().filter(value -> value != null).flatMap(value -> Arrays.stream(value.split(separator)))
                    .map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
        }
        return items;
    }

    private static double number(Function<String, List<String>> parameter, String name, double otherwise,
            List<Problem> problems) {
        String value = single(parameter, name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem(name, name + " must be a number, not '" + value + "'"));
            return otherwise;
        }
    }

    private static long whole(Function<String, List<String>> parameter, String name, long otherwise,
            List<Problem> problems) {
        String value = single(parameter, name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem(name, name + " must be a whole number, not '" + value + "'"));
            return otherwise;
        }
    }
}
