package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task an administrator added from an uploaded dataset: the task itself, and how its training rows and labels come
 * from the file's columns. The label follows the shipped tasks' rule ({@link SurvivalLabel}): event at or before the
 * horizon = 1, followed beyond it = 0, censored at or before it = no label (left out).
 *
 * @param task
 *            the task (its {@code dataset} is the provenance text the administrator gave)
 * @param timeColumn
 *            follow-up time in days
 * @param eventColumn
 *            whether the follow-up ended in the event
 * @param eventValues
 *            the {@code eventColumn} values that mean the event happened
 * @param censoredValues
 *            the values that mean it did not (censored); empty = every other non-empty value
 * @param rowColumn
 *            only rows whose {@code rowColumn} equals {@code rowValue} belong to the task; null = every row
 * @param rowValue
 *            see {@code rowColumn}
 */
public record UploadedTaskDefinition(TaskDefinition task, String timeColumn, String eventColumn,
        List<String> eventValues, List<String> censoredValues, String rowColumn, String rowValue) {

    public UploadedTaskDefinition {
        eventValues = List.copyOf(eventValues);
        censoredValues = List.copyOf(censoredValues);
    }

    /** Whether a row of the file belongs to the task (the optional row filter). */
    boolean selects(Map<String, String> row) {
        return rowColumn == null || rowValue.equals(row.get(rowColumn));
    }

    /** The row's label by the task's horizon; empty when censored before it. The row must be valid. */
    Optional<Integer> label(Map<String, String> row) {
        return SurvivalLabel.of(Double.parseDouble(row.get(timeColumn)), eventValues.contains(row.get(eventColumn)),
                task.horizonDays());
    }

    /** The labelled cases of valid rows (see {@link UploadedCohort} for the checks). */
    List<LabelledCase> cohort(List<Map<String, String>> rows) {
        List<LabelledCase> cases = new ArrayList<>();
        for (Map<String, String> row : rows) {
            if (selects(row)) {
                label(row).ifPresent(label -> cases.add(new LabelledCase(TrainingRows.values(task, row, row.get(task
                        .treatmentFeature())), label)));
            }
        }
        return cases;
    }

    /** The definition as canonical JSON (keys sorted, no whitespace): what is stored, and what is read back. */
    public String canonicalJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", task.id());
        json.put("outcome", task.outcome());
        json.put("dataset", task.dataset());
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("time", timeColumn);
        label.put("event", eventColumn);
        label.put("eventValues", eventValues);
        if (!censoredValues.isEmpty()) {
            label.put("censoredValues", censoredValues);
        }
        label.put("horizonDays", task.horizonDays());
        json.put("label", label);
        Map<String, Object> treatment = new LinkedHashMap<>();
        treatment.put("feature", task.treatmentFeature());
        treatment.put("options", task.treatmentOptions());
        treatment.put("reference", task.referenceOption());
        treatment.put("randomised", task.randomised());
        json.put("treatment", treatment);
        json.put("features", task.features().stream().map(UploadedTaskDefinition::feature).toList());
        json.put("subgroups", task.subgroupAttributes());
        if (rowColumn != null) {
            json.put("rows", Map.of("column", rowColumn, "equals", rowValue));
        }
        return CanonicalJson.of(json);
    }

    private static Map<String, Object> feature(FeatureSpec feature) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", feature.name());
        json.put("type", TaskDefinitionJson.typeName(feature.kind()));
        json.put("required", feature.required());
        if (!feature.unit().isEmpty()) {
            json.put("unit", feature.unit());
        }
        if (feature.isCategory()) {
            json.put("categories", feature.categories());
        } else {
            json.put("min", feature.minimum());
            json.put("max", feature.maximum());
        }
        return json;
    }
}
