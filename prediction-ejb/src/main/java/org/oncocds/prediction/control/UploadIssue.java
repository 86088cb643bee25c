package org.oncocds.prediction.control;

/**
 * One problem found in an uploaded task: {@code field} (e.g. {@code definition.features[2].max} or {@code dataset}),
 * the file's line number ({@code row}, header = 1) and {@code column} where it is about one, and the reason.
 */
public record UploadIssue(String field, Integer row, String column, String message) {
}
