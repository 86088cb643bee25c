package org.oncocds.prediction.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a task's shipped CSV file and turns its rows into the feature values the model learns from. */
final class TrainingRows {

    private TrainingRows() {
    }

    static List<Map<String, String>> read(String resource) {
        try (InputStream csv = TrainingRows.class.getResourceAsStream(resource)) {
            if (csv == null) {
                throw new IllegalStateException(resource + " is missing from the prediction module");
            }
            return CsvTable.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The task's features from a row (columns named like the features; an empty field is missing; a binned number is
     * recorded by its bin label) and the treatment option the patient had.
     */
    static CaseValues values(TaskDefinition task, Map<String, String> row, String treatmentOption) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        for (FeatureSpec feature : task.features()) {
            String raw = row.get(feature.name());
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            if (feature.isNominalInModel()) {
                if (!feature.categories().contains(raw)) {
                    throw new IllegalArgumentException(feature.name() + " has no category " + raw);
                }
                categories.put(feature.name(), raw);
            } else {
                numbers.put(feature.name(), Double.parseDouble(raw));
            }
        }
        categories.put(task.treatmentFeature(), treatmentOption);
        return new CaseValues(numbers, categories);
    }
}
