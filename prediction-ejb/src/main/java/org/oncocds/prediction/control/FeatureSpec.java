package org.oncocds.prediction.control;

import java.util.List;

/**
 * One model input of a task: its name (the training data's column), how it is entered, its valid range or codes, and
 * whether a missing value is imputed.
 */
public record FeatureSpec(String name, ValueKind kind, String unit, Double minimum, Double maximum,
        List<String> categories, boolean required) {

    public FeatureSpec {
        categories = List.copyOf(categories);
    }

    static FeatureSpec category(String name, boolean required, String... codes) {
        return new FeatureSpec(name, ValueKind.CATEGORY, "", null, null, List.of(codes), required);
    }

    static FeatureSpec wholeNumber(String name, String unit, double minimum, double maximum, boolean required) {
        return new FeatureSpec(name, ValueKind.WHOLE_NUMBER, unit, minimum, maximum, List.of(), required);
    }

    public boolean isCategory() {
        return kind == ValueKind.CATEGORY;
    }
}
