package org.oncocds.prediction.control;

/**
 * How much one feature's value moves a patient's predicted risk: the risk with the patient's value minus the risk with
 * the feature set to its reference value (training mean or mode), everything else unchanged.
 *
 * @param feature
 *            the feature name
 * @param value
 *            the patient's value as the model used it: a {@link Double} or a category code
 * @param referenceValue
 *            the training mean (numbers) or mode (categories)
 * @param riskChange
 *            risk with {@code value} minus risk with {@code referenceValue}; positive = the value raises the risk
 */
public record FeatureEffect(String feature, Object value, Object referenceValue, double riskChange) {
}
