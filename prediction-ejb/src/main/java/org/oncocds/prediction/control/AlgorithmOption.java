package org.oncocds.prediction.control;

/**
 * One settable option of a training algorithm: its name (as the request gives it), its kind ({@link ValueKind#NUMBER},
 * {@link ValueKind#WHOLE_NUMBER} or {@link ValueKind#CATEGORY} for {@code true}/{@code false}), its range and default.
 */
public record AlgorithmOption(String name, ValueKind kind, Double minimum, Double maximum, String defaultValue,
        String meaning) {

    static AlgorithmOption number(String name, double minimum, double maximum, String defaultValue, String meaning) {
        return new AlgorithmOption(name, ValueKind.NUMBER, minimum, maximum, defaultValue, meaning);
    }

    static AlgorithmOption wholeNumber(String name, double minimum, double maximum, String defaultValue,
            String meaning) {
        return new AlgorithmOption(name, ValueKind.WHOLE_NUMBER, minimum, maximum, defaultValue, meaning);
    }

    static AlgorithmOption flag(String name, String meaning) {
        return new AlgorithmOption(name, ValueKind.CATEGORY, null, null, "false", meaning);
    }

    public boolean isFlag() {
        return kind == ValueKind.CATEGORY;
    }
}
