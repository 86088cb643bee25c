package org.oncocds.prediction.boundary;

import java.util.List;

/**
 * One input of a prediction task, as a form or an API client needs it.
 *
 * @param name
 *            the input's key in {@link CaseRequest#values()}
 * @param type
 *            how the value is entered and checked
 * @param unit
 *            the clinical unit (e.g. {@code years}), or empty
 * @param minimum
 *            smallest valid value for numbers, else {@code null}
 * @param maximum
 *            largest valid value for numbers, else {@code null}
 * @param categories
 *            the valid codes for categories, else empty
 * @param required
 *            whether the value must be given; a missing optional value is imputed as in training
 */
public record FeatureDescription(String name, FeatureType type, String unit, Double minimum, Double maximum,
        List<String> categories, boolean required) {

    public FeatureDescription {
        categories = List.copyOf(categories);
    }
}
