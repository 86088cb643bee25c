package org.oncocds.prediction.boundary;

/**
 * One refused part of a batch: its line in the file (1 = the header; 0 = the request itself) and its column (or
 * request field: {@code taskId}, {@code modelVersion}, {@code file}), with the reason in English.
 */
public record BatchError(int line, String column, Problem problem, String message) {
}
