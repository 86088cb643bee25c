package org.oncocds.fairness.boundary;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A bias report as it was stored for a model version. The threshold, tolerances, seed and subgroups it was computed
 * with are in {@code report.request()}.
 *
 * @param id
 *            the stored report's id, which a sign-off names
 * @param taskId
 *            the prediction task, e.g. {@code colon-recurrence-5y}; null for an uploaded table
 * @param modelVersion
 *            the model version reviewed, e.g. {@code colon-recurrence-5y/1}, or the name an upload was stored under
 * @param modelSha256
 *            SHA-256 of that serialized model; null for an uploaded table
 * @param reportVersion
 *            1 for the version's first stored report, then 2, 3, ...
 * @param source
 *            where the rows came from: {@value ModelBiasReports#CROSS_VALIDATION} or
 *            {@value ModelBiasReports#CSV_UPLOAD}
 * @param inputSha256
 *            SHA-256 of the input rows in the canonical form of docs/fairness-metrics.md, or of the uploaded CSV
 *            file (its characters as UTF-8)
 * @param reportSha256
 *            SHA-256 of the stored JSON document of the report (UTF-8), to name its exact content elsewhere (e.g. in
 *            a governance record of the sign-off)
 * @param storedAt
 *            when it was stored (UTC)
 * @param storedBy
 *            who stored it
 * @param report
 *            the report
 */
public record StoredBiasReport(long id, String taskId, String modelVersion, String modelSha256, int reportVersion,
        String source, String inputSha256, String reportSha256, Instant storedAt, String storedBy, BiasReport report) {

    /** How many disparities got each verdict, over all groupings. */
    public Map<Verdict, Long> verdictCounts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0L);
        }
        report.groupings().forEach(grouping -> grouping.disparities().forEach(disparity -> counts.merge(disparity
                .verdict(), 1L, Long::sum)));
        return counts;
    }
}
