package org.oncocds.prediction.boundary;

/**
 * One driver of a patient's predicted risk: how far the risk moves because this feature has the patient's value rather
 * than the reference value (the training mean for numbers, the most frequent category for categories), all other
 * inputs and the treatment option unchanged. It describes the model, not a causal effect of the feature.
 *
 * @param feature
 *            the feature name
 * @param value
 *            the patient's value as the model used it (plain decimal or category code; imputed if left blank)
 * @param referenceValue
 *            the reference value (plain decimal or category code)
 * @param riskChange
 *            risk with the patient's value minus risk with the reference value, in probability units (-1..1);
 *            positive = this value raises the predicted risk
 */
public record Driver(String feature, String value, String referenceValue, double riskChange) {
}
