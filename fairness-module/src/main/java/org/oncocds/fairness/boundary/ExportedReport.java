package org.oncocds.fairness.boundary;

/**
 * A stored bias report exported in one format.
 *
 * @param fileName
 *            a safe file name to offer for download, e.g. {@code bias-report-7-colon-recurrence-5y_1-v2.pdf}
 * @param mediaType
 *            the media type to serve it with
 * @param content
 *            the document's bytes (the caller's copy)
 */
public record ExportedReport(String fileName, String mediaType, byte[] content) {
}
