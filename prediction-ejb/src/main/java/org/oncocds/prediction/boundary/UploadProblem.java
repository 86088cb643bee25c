package org.oncocds.prediction.boundary;

/**
 * One reason a task upload was refused.
 *
 * @param field
 *            what is wrong: {@code fileName}, {@code dataset}, {@code definition} or a path into the definition, e.g.
 *            {@code definition.features[2].max} or {@code definition.label.horizonDays}
 * @param row
 *            the data row's line number in the file (1-based; the CSV header is line 1), or null when the problem is
 *            not about one row
 * @param column
 *            the dataset column the problem is in, or null
 * @param message
 *            the same in English, naming the row and column where there are, e.g.
 *            {@code line 17, column age: 130 is above the maximum 100}
 */
public record UploadProblem(String field, Integer row, String column, String message) {
}
