package org.oncocds.fairness.boundary;

/** The formats a stored bias report is exported in, with the media type and file extension to serve them with. */
public enum ExportFormat {
    /** One row per group × metric and per disparity, UTF-8, RFC 4180, a header row. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** The whole stored report with its provenance and sign-off, UTF-8 (fields in docs/fairness-metrics.md). */
    JSON("application/json", "json"),
    /** A printable document of the report (A4 landscape, text that can be searched and copied). */
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
