package org.oncocds.prediction.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;

/**
 * How a patient's values become a model's row of attribute values, worked out once when the model is loaded rather than
 * on every call: each feature's slot, whether the model sees it as a category, its bins, and its categories' indexes
 * (Weka's {@link Attribute#indexOfValue} looks codes up in a synchronized {@code Hashtable} shared by
 * every thread scoring the model; a plan scans a feature's few codes instead). The row is the same, value for value, as the one the training header describes:
 * features in task order, then the treatment, then the class (missing).
 */
final class ScoringPlan {

    private final String[] names;
    private final boolean[] nominal;
    private final FeatureSpec[] binned;
    /** Each nominal feature's codes in the attribute's order (the index is the value Weka scores), else empty. */
    private final String[][] codes;
    private final String treatment;
    private final String[] options;
    private final int width;

    ScoringPlan(Instances header, TaskDefinition task) {
        List<FeatureSpec> features = task.features();
        names = new String[features.size()];
        nominal = new boolean[features.size()];
        binned = new FeatureSpec[features.size()];
        codes = new String[features.size()][];
        for (int slot = 0; slot < features.size(); slot++) {
            FeatureSpec feature = features.get(slot);
            Attribute attribute = header.attribute(slot);
            names[slot] = feature.name();
            nominal[slot] = attribute.isNominal();
            binned[slot] = feature.isBinned() ? feature : null;
            codes[slot] = attribute.isNominal() ? values(attribute) : new String[0];
        }
        treatment = task.treatmentFeature();
        options = values(header.attribute(features.size()));
        width = header.numAttributes();
    }

    /** The slot of the treatment attribute (right after the features). */
    int treatmentSlot() {
        return names.length;
    }

    /**
     * The patient's row: a binned number given in its unit is stored as its bin, a feature absent from {@code values}
     * is missing, and so is the class. One map lookup per feature (two for a binned number given in its unit).
     *
     * @throws IllegalArgumentException
     *             naming the attribute when a category code is not one of its values
     */
    double[] row(CaseValues values) {
        double[] row = rowWithoutTreatment(values);
        String option = values.categories().get(treatment);
        if (option != null) {
            row[names.length] = index(options, treatment, option);
        }
        return row;
    }

    /** As {@link #row}, the treatment left missing (for scoring every option, which sets it). */
    double[] rowWithoutTreatment(CaseValues values) {
        double[] row = new double[width];
        Arrays.fill(row, Utils.missingValue());
        Map<String, String> categories = values.categories();
        Map<String, Double> numbers = values.numbers();
        for (int slot = 0; slot < names.length; slot++) {
            if (nominal[slot]) {
                String code = categories.get(names[slot]);
                if (code == null && binned[slot] != null) {
                    Double number = numbers.get(names[slot]);
                    code = number == null ? null : binned[slot].binOf(number);
                }
                if (code != null) {
                    row[slot] = index(codes[slot], names[slot], code);
                }
            } else {
                Double number = numbers.get(names[slot]);
                if (number != null) {
                    row[slot] = number;
                }
            }
        }
        return row;
    }

    /** A copy of {@code row} with feature {@code slot} set to {@code value} (a Double, or a category code String). */
    double[] with(double[] row, int slot, Object value) {
        double[] changed = row.clone();
        changed[slot] = value instanceof String code ? index(codes[slot], names[slot], code) : (Double) value;
        return changed;
    }

    /** The code's index among a handful of codes: a scan, cheaper than hashing for so few. */
    private static int index(String[] codes, String name, String code) {
        for (int index = 0; index < codes.length; index++) {
            if (codes[index].equals(code)) {
                return index;
            }
        }
        throw new IllegalArgumentException(name + " has no category " + code);
    }

    private static String[] values(Attribute attribute) {
        String[] values = new String[attribute.numValues()];
        for (int value = 0; value < values.length; value++) {
            values[value] = attribute.value(value);
        }
        return values;
    }
}
