package org.oncocds.prediction.boundary;

/**
 * One refused input.
 *
 * @param field
 *            the input's name ({@code mrn}, {@code referenceOption} or a feature name)
 * @param problem
 *            why it was refused
 * @param allowed
 *            what would have been accepted (the bound, or the valid codes separated by {@code ", "}), or empty
 * @param message
 *            the same in English, for API clients and logs, e.g. {@code age must be at least 18}
 */
public record FieldError(String field, Problem problem, String allowed, String message) {
}
