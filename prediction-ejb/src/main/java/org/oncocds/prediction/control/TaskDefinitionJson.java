package org.oncocds.prediction.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an uploaded task's JSON definition (docs/model-registry.md, "Adding a task") and checks everything that can be
 * checked without the data: keys, types, the id's form, ranges, categories, the treatment and subgroups. Every problem
 * is reported with its path, e.g. {@code definition.features[2].max}; whether the named columns are in the file is
 * {@link UploadedCohort}'s check.
 */
public final class TaskDefinitionJson {

    /** A task id: lower-case letters, digits and hyphens, 3 to 60 characters. */
    public static final Pattern ID = Pattern.compile("[a-z0-9-]{3,60}");

    static final int MAX_TEXT = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_FEATURES = 200;
    static final int MAX_CODES = 200;

    private static final String ROOT = "definition";
    private static final Set<String> ROOT_KEYS = Set.of("id", "outcome", "dataset", "label", "treatment", "features",
            "subgroups", "rows");
    private static final Set<String> LABEL_KEYS = Set.of("time", "event", "eventValues", "censoredValues",
            "horizonDays");
    private static final Set<String> TREATMENT_KEYS = Set.of("feature", "options", "reference", "randomised");
    private static final Set<String> FEATURE_KEYS = Set.of("name", "type", "unit", "min", "max", "categories",
            "required");
    private static final Set<String> ROWS_KEYS = Set.of("column", "equals");

    private final UploadIssues issues;

    private TaskDefinitionJson(UploadIssues issues) {
        this.issues = issues;
    }

    /** The definition, or empty with the reasons added to {@code issues}. */
    public static Optional<UploadedTaskDefinition> parse(String json, UploadIssues issues) {
        int before = issues.size();
        if (json == null || json.isBlank()) {
            issues.add(ROOT, "definition: the task definition (JSON) is required");
            return Optional.empty();
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            issues.add(ROOT, "definition: not valid JSON at line " + e.getLocation().getLineNumber() + ", column " + e
                    .getLocation().getColumnNumber() + " (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (JsonException e) {
            issues.add(ROOT, "definition: not valid JSON (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (!(value instanceof JsonObject root)) {
            issues.add(ROOT, "definition: must be a JSON object");
            return Optional.empty();
        }
        Optional<UploadedTaskDefinition> definition = new TaskDefinitionJson(issues).read(root);
        return issues.size() == before ? definition : Optional.empty();
    }

    /** The definition's name of a value kind: {@code number}, {@code whole-number} or {@code category}. */
    static String typeName(ValueKind kind) {
        return switch (kind) {
            case NUMBER -> "number";
            case WHOLE_NUMBER -> "whole-number";
            case CATEGORY -> "category";
        };
    }

    private Optional<UploadedTaskDefinition> read(JsonObject root) {
        unknownKeys(root, ROOT_KEYS, ROOT);
        String id = text(root, "id", ROOT, true, 60);
        if (id != null && !ID.matcher(id).matches()) {
            issues.add(ROOT + ".id", ROOT + ".id: " + id
                    + " must be 3 to 60 lower-case letters, digits or hyphens ([a-z0-9-]{3,60})");
        }
        String outcome = text(root, "outcome", ROOT, true, MAX_TEXT);
        String dataset = text(root, "dataset", ROOT, true, MAX_TEXT);
        JsonObject label = object(root, "label", ROOT, true);
        JsonObject treatment = object(root, "treatment", ROOT, true);
        List<FeatureSpec> features = features(root);
        JsonObject rows = object(root, "rows", ROOT, false);

        String time = null;
        String event = null;
        List<String> eventValues = List.of();
        List<String> censoredValues = List.of();
        Double horizon = null;
        String path = ROOT + ".label";
        if (label != null) {
            unknownKeys(label, LABEL_KEYS, path);
            time = text(label, "time", path, true, MAX_NAME);
            event = text(label, "event", path, true, MAX_NAME);
            eventValues = codes(label, "eventValues", path, true);
            censoredValues = codes(label, "censoredValues", path, false);
            horizon = number(label, "horizonDays", path, true);
            if (horizon != null && !(horizon > 0)) {
                issues.add(path + ".horizonDays", path + ".horizonDays: must be more than 0 days");
            }
            if (time != null && time.equals(event)) {
                issues.add(path + ".event", path + ".event: must be another column than the time column " + time);
            }
            for (String code : censoredValues) {
                if (eventValues.contains(code)) {
                    issues.add(path + ".censoredValues", path + ".censoredValues: " + code
                            + " is also an event value");
                }
            }
        }

        String treatmentFeature = null;
        List<String> options = List.of();
        String reference = null;
        Boolean randomised = null;
        path = ROOT + ".treatment";
        if (treatment != null) {
            unknownKeys(treatment, TREATMENT_KEYS, path);
            treatmentFeature = text(treatment, "feature", path, true, MAX_NAME);
            options = codes(treatment, "options", path, true);
            if (options != null && options.size() == 1) {
                issues.add(path + ".options", path + ".options: at least two options are needed to compare");
            }
            reference = text(treatment, "reference", path, true, MAX_NAME);
            if (reference != null && options != null && !options.isEmpty() && !options.contains(reference)) {
                issues.add(path + ".reference", path + ".reference: " + reference + " is not one of the options "
                        + String.join(", ", options));
            }
            randomised = bool(treatment, "randomised", path, true);
        }

        String rowColumn = null;
        String rowValue = null;
        if (rows != null) {
            unknownKeys(rows, ROWS_KEYS, ROOT + ".rows");
            rowColumn = text(rows, "column", ROOT + ".rows", true, MAX_NAME);
            rowValue = text(rows, "equals", ROOT + ".rows", true, MAX_NAME);
        }
        checkNames(features, treatmentFeature, time, event, rowColumn);
        List<String> subgroups = subgroups(root, treatmentFeature);

        if (id == null || outcome == null || dataset == null || time == null || event == null || eventValues == null
                || censoredValues == null || horizon == null || treatmentFeature == null || options == null
                || reference == null || randomised == null || features == null || subgroups == null
                || (rows != null && (rowColumn == null || rowValue == null))) {
            return Optional.empty();
        }
        try {
            TaskDefinition task = new TaskDefinition(id, outcome, dataset, treatmentFeature, options, reference,
                    randomised, features, horizon, subgroups, true);
            return Optional.of(new UploadedTaskDefinition(task, time, event, eventValues, censoredValues, rowColumn,
                    rowValue));
        } catch (IllegalArgumentException e) {
            issues.add(ROOT, ROOT + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private List<FeatureSpec> features(JsonObject root) {
        String path = ROOT + ".features";
        JsonArray array = array(root, "features", ROOT, true);
        if (array == null) {
            return null;
        }
        if (array.isEmpty()) {
            issues.add(path, path + ": at least one feature is needed");
            return null;
        }
        if (array.size() > MAX_FEATURES) {
            issues.add(path, path + ": at most " + MAX_FEATURES + " features, not " + array.size());
            return null;
        }
        List<FeatureSpec> features = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject feature)) {
                issues.add(at, at + ": must be an object");
                valid = false;
                continue;
            }
            FeatureSpec spec = feature(feature, at);
            valid &= spec != null;
            features.add(spec);
        }
        return valid ? features : null;
    }

    private FeatureSpec feature(JsonObject feature, String at) {
        int before = issues.size();
        unknownKeys(feature, FEATURE_KEYS, at);
        String name = text(feature, "name", at, true, MAX_NAME);
        String type = text(feature, "type", at, true, 20);
        String unit = unit(feature, at);
        Boolean required = bool(feature, "required", at, true);
        ValueKind kind = null;
        if (type != null) {
            kind = switch (type) {
                case "number" -> ValueKind.NUMBER;
                case "whole-number" -> ValueKind.WHOLE_NUMBER;
                case "category" -> ValueKind.CATEGORY;
                default -> null;
            };
            if (kind == null) {
                issues.add(at + ".type", at + ".type: " + type + " must be number, whole-number or category");
            }
        }
        Double min = null;
        Double max = null;
        List<String> categories = List.of();
        if (kind == ValueKind.CATEGORY) {
            for (String key : List.of("min", "max")) {
                if (feature.containsKey(key)) {
                    issues.add(at + "." + key, at + "." + key + ": a category has no " + key);
                }
            }
            categories = codes(feature, "categories", at, true);
        } else if (kind != null) {
            if (feature.containsKey("categories")) {
                issues.add(at + ".categories", at + ".categories: a " + type + " has no categories");
            }
            min = number(feature, "min", at, true);
            max = number(feature, "max", at, true);
            if (min != null && max != null && min > max) {
                issues.add(at + ".max", at + ".max: " + plain(max) + " is below the minimum " + plain(min));
            }
            if (kind == ValueKind.WHOLE_NUMBER) {
                wholeBound(min, at + ".min");
                wholeBound(max, at + ".max");
            }
        }
        if (issues.size() != before) {
            return null;
        }
        return new FeatureSpec(name, kind, unit == null ? "" : unit, min, max, categories, required);
    }

    /** The optional unit; blank means none. */
    private String unit(JsonObject feature, String at) {
        if (feature.get("unit") instanceof JsonString unit && unit.getString().isBlank()) {
            return "";
        }
        return feature.containsKey("unit") ? text(feature, "unit", at, false, MAX_NAME) : "";
    }

    private void wholeBound(Double bound, String path) {
        if (bound != null && bound != Math.rint(bound)) {
            issues.add(path, path + ": " + plain(bound) + " is not a whole number");
        }
    }

    /** Names must be unique and distinct from the treatment, label and row-filter columns and the model's class. */
    private void checkNames(List<FeatureSpec> features, String treatment, String time, String event, String rowColumn) {
        if (features == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String name = features.get(i).name();
            String at = ROOT + ".features[" + i + "].name";
            if (!seen.add(name)) {
                issues.add(at, at + ": " + name + " is named twice");
            } else if (name.equals(treatment)) {
                issues.add(at, at + ": " + name + " is the treatment feature; it is not listed among the features");
            } else if (name.equals(time) || name.equals(event)) {
                issues.add(at, at + ": " + name + " is a label column; the model must not learn from the outcome");
            } else if (name.equals(WekaDataset.CLASS_ATTRIBUTE)) {
                issues.add(at, at + ": " + name + " is reserved for the model's class; rename the column");
            }
        }
        if (treatment != null && (treatment.equals(time) || treatment.equals(event))) {
            issues.add(ROOT + ".treatment.feature", ROOT + ".treatment.feature: " + treatment + " is a label column");
        }
        if (WekaDataset.CLASS_ATTRIBUTE.equals(treatment)) {
            issues.add(ROOT + ".treatment.feature", ROOT + ".treatment.feature: " + treatment
                    + " is reserved for the model's class; rename the column");
        }
    }

    /** The subgroups, each checked against the features' names (also when another part of a feature is invalid). */
    private List<String> subgroups(JsonObject root, String treatment) {
        List<String> subgroups = codes(root, "subgroups", ROOT, true);
        if (subgroups == null || !(root.get("features") instanceof JsonArray features)) {
            return subgroups;
        }
        Set<String> known = new HashSet<>();
        for (JsonValue feature : features) {
            if (feature instanceof JsonObject object && object.get("name") instanceof JsonString name) {
                known.add(name.getString().strip());
            }
        }
        if (treatment != null) {
            known.add(treatment);
        }
        for (int i = 0; i < subgroups.size(); i++) {
            if (!known.contains(subgroups.get(i))) {
                issues.add(ROOT + ".subgroups[" + i + "]", ROOT + ".subgroups[" + i + "]: " + subgroups.get(i)
                        + " is neither a feature nor the treatment feature");
            }
        }
        return subgroups;
    }

    private void unknownKeys(JsonObject object, Set<String> allowed, String path) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                issues.add(path + "." + key, path + "." + key + ": unknown key (allowed: " + String.join(", ", allowed
                        .stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(JsonObject object, String key, String path, boolean required, int maxLength) {
        JsonValue value = present(object, key, path, required);
        if (value == null) {
            return null;
        }
        String at = path + "." + key;
        if (!(value instanceof JsonString string)) {
            issues.add(at, at + ": must be a string");
            return null;
        }
        String text = string.getString().strip();
        if (text.isEmpty()) {
            issues.add(at, at + ": must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            issues.add(at, at + ": at most " + maxLength + " characters, not " + text.length());
            return null;
        }
        return text;
    }

    /** A list of distinct non-blank strings (codes, options, column values); null when invalid or absent. */
    private List<String> codes(JsonObject object, String key, String path, boolean required) {
        String at = path + "." + key;
        if (!object.containsKey(key) && !required) {
            return List.of();
        }
        JsonArray array = array(object, key, path, required);
        if (array == null) {
            return null;
        }
        if (array.isEmpty() && required) {
            issues.add(at, at + ": must not be empty");
            return null;
        }
        if (array.size() > MAX_CODES) {
            issues.add(at, at + ": at most " + MAX_CODES + " values, not " + array.size());
            return null;
        }
        List<String> codes = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < array.size(); i++) {
            String item = at + "[" + i + "]";
            if (!(array.get(i) instanceof JsonString string) || string.getString().isBlank()) {
                issues.add(item, item + ": must be a non-blank string (write codes in quotes, e.g. \"1\")");
                valid = false;
            } else if (codes.contains(string.getString().strip())) {
                issues.add(item, item + ": " + string.getString().strip() + " is listed twice");
                valid = false;
            } else if (string.getString().strip().length() > MAX_NAME) {
                issues.add(item, item + ": at most " + MAX_NAME + " characters");
                valid = false;
            } else {
                codes.add(string.getString().strip());
            }
        }
        return valid ? codes : null;
    }

    private Double number(JsonObject object, String key, String path, boolean required) {
        JsonValue value = present(object, key, path, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            issues.add(path + "." + key, path + "." + key + ": must be a number");
            return null;
        }
        double parsed = number.doubleValue();
        if (!Double.isFinite(parsed)) {
            issues.add(path + "." + key, path + "." + key + ": must be a finite number");
            return null;
        }
        return parsed;
    }

    private Boolean bool(JsonObject object, String key, String path, boolean required) {
        JsonValue value = present(object, key, path, required);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        issues.add(path + "." + key, path + "." + key + ": must be true or false");
        return null;
    }

    private JsonObject object(JsonObject parent, String key, String path, boolean required) {
        JsonValue value = present(parent, key, path, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            issues.add(path + "." + key, path + "." + key + ": must be an object");
            return null;
        }
        return object;
    }

    private JsonArray array(JsonObject parent, String key, String path, boolean required) {
        JsonValue value = present(parent, key, path, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            issues.add(path + "." + key, path + "." + key + ": must be an array");
            return null;
        }
        return array;
    }

    /** The value of {@code key}; null (and a problem if required) when absent or JSON null. */
    private JsonValue present(JsonObject object, String key, String path, boolean required) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                issues.add(path + "." + key, path + "." + key + ": is required");
            }
            return null;
        }
        return value;
    }

    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
