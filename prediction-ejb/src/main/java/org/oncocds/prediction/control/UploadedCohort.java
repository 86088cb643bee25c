package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an uploaded dataset against its task definition, row by row, and counts what the task would learn from. Every
 * column the definition names must be in the file; in every row the task selects, each feature value must be of its
 * type, within its range or among its categories (a required feature must be present), the treatment one of its
 * options, the time a number of days at or above 0 and the event one of the declared values. At least
 * {@link #MIN_LABELLED} rows must be labelled after the horizon and censoring rules, with both outcomes present.
 *
 * @param rows
 *            data rows in the file
 * @param selected
 *            rows the task's row filter selects (all when it has none)
 * @param labelled
 *            selected rows with a label (the training cohort)
 * @param events
 *            labelled rows with the event at or before the horizon
 */
public record UploadedCohort(int rows, int selected, int labelled, int events) {

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
            "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** Ten-fold cross-validation needs at least ten patients. */
    static final int MIN_LABELLED = 10;

    /** The counts; {@code issues} gets every problem found (the caller refuses the upload when there is any). */
    public static UploadedCohort check(UploadedTaskDefinition definition, DatasetFile file, UploadIssues issues) {
        if (!columnsPresent(definition, file, issues)) {
            return new UploadedCohort(file.rows().size(), 0, 0, 0);
        }
        TaskDefinition task = definition.task();
        int selected = 0;
        int labelled = 0;
        int events = 0;
        for (DatasetFile.Row row : file.rows()) {
            if (!definition.selects(row.values())) {
                continue;
            }
            selected++;
            int before = issues.size();
            for (FeatureSpec feature : task.features()) {
                checkFeature(feature, row, issues);
            }
            checkCode(row, task.treatmentFeature(), task.treatmentOptions(), true, issues);
            checkLabel(definition, row, issues);
            if (issues.size() == before) {
                Integer label = definition.label(row.values()).orElse(null);
                labelled += label == null ? 0 : 1;
                events += label != null && label == 1 ? 1 : 0;
            }
        }
        UploadedCohort cohort = new UploadedCohort(file.rows().size(), selected, labelled, events);
        if (issues.isEmpty()) {
            cohort.checkLabels(definition, issues);
        }
        return cohort;
    }

    private void checkLabels(UploadedTaskDefinition definition, UploadIssues issues) {
        String horizon = TaskDefinitionJson.plain(definition.task().horizonDays());
        if (selected == 0) {
            issues.add(DatasetFile.FIELD, definition.rowColumn() == null
                    ? "dataset: the file has no data rows"
                    : "dataset: no row has " + definition.rowColumn() + " = " + definition.rowValue());
        } else if (labelled < MIN_LABELLED) {
            issues.add(DatasetFile.FIELD, "dataset: " + labelled + " of " + selected + " rows are labelled (event by "
                    + horizon + " days, or followed beyond); ten-fold cross-validation needs at least " + MIN_LABELLED);
        } else if (events == 0 || events == labelled) {
            issues.add(DatasetFile.FIELD, "dataset: all " + labelled + " labelled rows have the same outcome ("
                    + (events == 0 ? "no event" : "event") + " by " + horizon + " days); a model needs both");
        }
    }

    private static boolean columnsPresent(UploadedTaskDefinition definition, DatasetFile file, UploadIssues issues) {
        TaskDefinition task = definition.task();
        Set<String> columns = new LinkedHashSet<>(file.columns());
        boolean present = true;
        for (int i = 0; i < task.features().size(); i++) {
            present &= column(columns, task.features().get(i).name(), "definition.features[" + i + "].name", issues);
        }
        present &= column(columns, task.treatmentFeature(), "definition.treatment.feature", issues);
        present &= column(columns, definition.timeColumn(), "definition.label.time", issues);
        present &= column(columns, definition.eventColumn(), "definition.label.event", issues);
        if (definition.rowColumn() != null) {
            present &= column(columns, definition.rowColumn(), "definition.rows.column", issues);
        }
        return present;
    }

    private static boolean column(Set<String> columns, String name, String field, UploadIssues issues) {
        if (columns.contains(name)) {
            return true;
        }
        issues.add(field, null, name, field + ": the file has no column " + name + " (its columns: " + String.join(
                ", ", columns) + ")");
        return false;
    }

    private static void checkFeature(FeatureSpec feature, DatasetFile.Row row, UploadIssues issues) {
        if (feature.isCategory()) {
            checkCode(row, feature.name(), feature.categories(), feature.required(), issues);
            return;
        }
        String raw = row.values().get(feature.name());
        if (raw.isEmpty()) {
            if (feature.required()) {
                issues.atCell(row.line(), feature.name(), "missing, and the definition says it is required");
            }
            return;
        }
        Double value = number(raw);
        if (value == null) {
            issues.atCell(row.line(), feature.name(), raw + " is not a number");
        } else if (feature.kind() == ValueKind.WHOLE_NUMBER && value != Math.rint(value)) {
            issues.atCell(row.line(), feature.name(), raw + " is not a whole number");
        } else if (value < feature.minimum()) {
            issues.atCell(row.line(), feature.name(), raw + " is below the minimum " + TaskDefinitionJson.plain(
                    feature.minimum()));
        } else if (value > feature.maximum()) {
            issues.atCell(row.line(), feature.name(), raw + " is above the maximum " + TaskDefinitionJson.plain(
                    feature.maximum()));
        }
    }

    private static void checkCode(DatasetFile.Row row, String column, List<String> codes, boolean required,
            UploadIssues issues) {
        String raw = row.values().get(column);
        if (raw.isEmpty()) {
            if (required) {
                issues.atCell(row.line(), column, "missing, and the definition says it is required");
            }
        } else if (!codes.contains(raw)) {
            issues.atCell(row.line(), column, raw + " is not one of the declared values " + String.join(", ", codes));
        }
    }

    private static void checkLabel(UploadedTaskDefinition definition, DatasetFile.Row row, UploadIssues issues) {
        String time = row.values().get(definition.timeColumn());
        Double days = number(time);
        if (time.isEmpty()) {
            issues.atCell(row.line(), definition.timeColumn(), "the follow-up time is missing");
        } else if (days == null) {
            issues.atCell(row.line(), definition.timeColumn(), time + " is not a number of days");
        } else if (days < 0) {
            issues.atCell(row.line(), definition.timeColumn(), time + " is below 0 days");
        }
        String event = row.values().get(definition.eventColumn());
        List<String> declared = new ArrayList<>(definition.eventValues());
        declared.addAll(definition.censoredValues());
        if (event.isEmpty()) {
            issues.atCell(row.line(), definition.eventColumn(), "the event status is missing");
        } else if (!definition.censoredValues().isEmpty() && !declared.contains(event)) {
            issues.atCell(row.line(), definition.eventColumn(), event + " is neither an event value nor a censored"
                    + " value (" + String.join(", ", declared) + ")");
        }
    }

    /** A decimal number ({@code 12}, {@code -0.5}, {@code 1.2e3}), or null: no hex, no {@code NaN}, no suffixes. */
    private static Double number(String raw) {
        if (!DECIMAL.matcher(raw).matches()) {
            return null;
        }
        double value = Double.parseDouble(raw);
        return Double.isFinite(value) ? value : null;
    }

    /** The training cohort of a stored dataset, which passed {@link #check} when it was uploaded. */
    static List<LabelledCase> cases(UploadedTaskDefinition definition, String fileName, byte[] dataset) {
        UploadIssues issues = new UploadIssues(TaskUploadLimits.MAX_PROBLEMS);
        DatasetFile file = DatasetFile.format(fileName).flatMap(format -> DatasetFile.read(format, dataset, issues))
                .orElse(null);
        if (file != null) {
            check(definition, file, issues);
        }
        if (file == null || !issues.isEmpty()) {
            throw new IllegalStateException("the stored dataset of task " + definition.task().id()
                    + " no longer passes its checks: " + issues.list());
        }
        return definition.cohort(file.rows().stream().map(DatasetFile.Row::values).toList());
    }
}
