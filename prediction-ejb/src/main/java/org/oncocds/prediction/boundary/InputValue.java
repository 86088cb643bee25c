package org.oncocds.prediction.boundary;

/**
 * One input as the model used it.
 *
 * @param feature
 *            the feature name
 * @param value
 *            the value in plain decimal or as the category code
 * @param imputed
 *            whether the clinician left it blank and the training mean (numbers) or mode (categories) was used
 */
public record InputValue(String feature, String value, boolean imputed) {
}
