package org.oncocds.fairness.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One attribute column: maps each row's value to a small code. A numeric attribute with cut points is banded
 * ({@code <50}, {@code 50-64}, {@code 65+}); any other attribute is categorical, its codes in order of first sight.
 */
final class AttributeColumn {

    static final int MAX_VALUES = 64;
    /** Distinct raw numbers remembered with their band, so a column of ages is parsed once per distinct value. */
    private static final int MAX_REMEMBERED_NUMBERS = 10_000;

    private final String name;
    private final double[] cutPoints;
    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> codes = new HashMap<>();

    AttributeColumn(String name, List<Double> cutPoints) {
        this.name = name;
        this.cutPoints = cutPoints == null ? null : cutPoints.stream().mapToDouble(Double::doubleValue).toArray();
        if (this.cutPoints != null) {
            labels.addAll(bandLabels(this.cutPoints));
        }
    }

    String name() {
        return name;
    }

    boolean banded() {
        return cutPoints != null;
    }

    int code(Map<String, String> attributes, long row) {
        String raw = attributes.get(name);
        if (raw == null || raw.isBlank()) {
            throw new RowRefusedException(row, name, "missing value");
        }
        return banded() ? band(raw, row) : category(raw, row);
    }

    String label(int code) {
        return labels.get(code);
    }

    private int category(String raw, long row) {
        Integer code = codes.get(raw);
        if (code != null) {
            return code;
        }
        if (labels.size() == MAX_VALUES) {
            throw new RowRefusedException(row, name, "more than " + MAX_VALUES
                    + " distinct values; band it with cut points or choose another attribute");
        }
        codes.put(raw, labels.size());
        labels.add(raw);
        return labels.size() - 1;
    }

    private int band(String raw, long row) {
        Integer known = codes.get(raw);
        if (known != null) {
            return known;
        }
        int band = parseBand(raw, row);
        if (codes.size() < MAX_REMEMBERED_NUMBERS) {
            codes.put(raw, band);
        }
        return band;
    }

    private int parseBand(String raw, long row) {
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new RowRefusedException(row, name, "'" + raw + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new RowRefusedException(row, name, "'" + raw + "' is not a finite number");
        }
        int band = 0;
        while (band < cutPoints.length && value >= cutPoints[band]) {
            band++;
        }
        return band;
    }

    /** Whole-number cut points read as completed years: 50 and 65 give <50, 50-64, 65+. */
    static List<String> bandLabels(double[] cuts) {
        boolean whole = true;
        for (double cut : cuts) {
            whole &= cut == Math.rint(cut);
        }
        List<String> result = new ArrayList<>();
        result.add("<" + number(cuts[0]));
        for (int i = 1; i < cuts.length; i++) {
            result.add(whole
                    ? number(cuts[i - 1]) + "-" + number(cuts[i] - 1)
                    : number(cuts[i - 1]) + " to <" + number(cuts[i]));
        }
        result.add(number(cuts[cuts.length - 1]) + "+");
        return result;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
