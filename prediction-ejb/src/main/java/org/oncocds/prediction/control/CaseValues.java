package org.oncocds.prediction.control;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A patient's feature values as the model reads them: numbers and category codes by feature name; a feature that is
 * in neither map is missing. The maps are unmodifiable copies; null names and values are refused.
 */
public record CaseValues(Map<String, Double> numbers, Map<String, String> categories) {

    public CaseValues {
        numbers = copy(numbers);
        categories = copy(categories);
    }

    /**
     * An unmodifiable hash map: every recommendation reads each feature from these maps while scoring, and a hash map's
     * look-up masks the hash where {@code Map.copyOf}'s immutable map divides by its size (about twice the time).
     */
    private static <V> Map<String, V> copy(Map<String, V> values) {
        Map<String, V> copy = new HashMap<>(values);
        if (copy.containsKey(null) || copy.containsValue(null)) {
            throw new NullPointerException("a case value or its name is null: " + values);
        }
        return Collections.unmodifiableMap(copy);
    }

    public boolean has(String feature) {
        return numbers.containsKey(feature) || categories.containsKey(feature);
    }

    /** The value of a feature: a {@link Double} or a category code {@link String}. */
    public Optional<Object> valueOf(String feature) {
        if (numbers.containsKey(feature)) {
            return Optional.of(numbers.get(feature));
        }
        return Optional.ofNullable(categories.get(feature));
    }

    /** These values, with each feature missing here taken from {@code defaults}. */
    public CaseValues completedWith(CaseValues defaults) {
        Map<String, Double> allNumbers = new HashMap<>(defaults.numbers);
        Map<String, String> allCategories = new HashMap<>(defaults.categories);
        allNumbers.keySet().removeAll(categories.keySet());
        allCategories.keySet().removeAll(numbers.keySet());
        allNumbers.putAll(numbers);
        allCategories.putAll(categories);
        return new CaseValues(allNumbers, allCategories);
    }

    /** These values with one category set, e.g. the treatment option to score. */
    public CaseValues with(String feature, String code) {
        return withValue(feature, code);
    }

    /**
     * These values with one feature replaced: a {@link Double} is a number, a {@link String} a category code (a number
     * given for the same feature is dropped, e.g. a size in mm replaced by its size category).
     */
    public CaseValues withValue(String feature, Object value) {
        Map<String, Double> allNumbers = new HashMap<>(numbers);
        Map<String, String> allCategories = new HashMap<>(categories);
        allNumbers.remove(feature);
        allCategories.remove(feature);
        if (value instanceof Double number) {
            allNumbers.put(feature, number);
        } else if (value instanceof String code) {
            allCategories.put(feature, code);
        } else {
            throw new IllegalArgumentException(feature + " cannot take the value " + value);
        }
        return new CaseValues(allNumbers, allCategories);
    }
}
