package org.oncocds.prediction.control;

import java.util.List;

/**
 * One model input of a task: its name (the training data's column), how it is entered, its valid range or codes, and
 * whether a missing value is imputed.
 * <p>
 * A <em>binned</em> number is entered in its clinical unit (e.g. tumour size in mm) but the model knows it only by
 * category, as the training data recorded it: {@code categories} are then the bins' labels and {@code binUpperBounds}
 * their inclusive upper limits (the last bin has none), e.g. {@code <=20}, {@code 20-50}, {@code >50} with bounds 20
 * and 50.
 */
public record FeatureSpec(String name, ValueKind kind, String unit, Double minimum, Double maximum,
        List<String> categories, boolean required, List<Double> binUpperBounds) {

    public FeatureSpec {
        categories = List.copyOf(categories);
        binUpperBounds = List.copyOf(binUpperBounds);
        if (!binUpperBounds.isEmpty() && binUpperBounds.size() != categories.size() - 1) {
            throw new IllegalArgumentException(name + ": " + categories.size() + " bins need " + (categories.size()
                    - 1) + " upper bounds");
        }
    }

    /** A feature that is not binned. */
    public FeatureSpec(String name, ValueKind kind, String unit, Double minimum, Double maximum,
            List<String> categories, boolean required) {
        this(name, kind, unit, minimum, maximum, categories, required, List.of());
    }

    static FeatureSpec category(String name, boolean required, String... codes) {
        return new FeatureSpec(name, ValueKind.CATEGORY, "", null, null, List.of(codes), required);
    }

    static FeatureSpec wholeNumber(String name, String unit, double minimum, double maximum, boolean required) {
        return new FeatureSpec(name, ValueKind.WHOLE_NUMBER, unit, minimum, maximum, List.of(), required);
    }

    static FeatureSpec number(String name, String unit, double minimum, double maximum, boolean required) {
        return new FeatureSpec(name, ValueKind.NUMBER, unit, minimum, maximum, List.of(), required);
    }

    static FeatureSpec binnedNumber(String name, String unit, double minimum, double maximum, List<Double> upperBounds,
            List<String> labels) {
        return new FeatureSpec(name, ValueKind.NUMBER, unit, minimum, maximum, labels, true, upperBounds);
    }

    public boolean isCategory() {
        return kind == ValueKind.CATEGORY;
    }

    public boolean isBinned() {
        return !binUpperBounds.isEmpty();
    }

    /** Whether the model sees this feature as a category (a category, or a binned number). */
    public boolean isNominalInModel() {
        return isCategory() || isBinned();
    }

    /** The label of the bin a number falls in: the first bin whose upper bound it does not exceed. */
    public String binOf(double value) {
        for (int bin = 0; bin < binUpperBounds.size(); bin++) {
            if (value <= binUpperBounds.get(bin)) {
                return categories.get(bin);
            }
        }
        return categories.get(categories.size() - 1);
    }
}
