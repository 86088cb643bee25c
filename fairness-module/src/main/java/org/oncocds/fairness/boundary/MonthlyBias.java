package org.oncocds.fairness.boundary;

import java.time.YearMonth;
import java.util.Map;

/**
 * One calendar month (UTC) of live use: what became of its recommendations, which model versions made them, and the
 * bias report over those with a known outcome.
 *
 * @param month
 *            the month the recommendations were made in
 * @param counts
 *            recommendations and why some are not in the report
 * @param modelVersions
 *            model version to the number of patients it made the (first) recommendation for
 * @param report
 *            the bias report over the labelled rows; null when there are none
 */
public record MonthlyBias(YearMonth month, MonitoringCounts counts, Map<String, Long> modelVersions,
        BiasReport report) {

    public MonthlyBias {
        modelVersions = Map.copyOf(modelVersions);
    }
}
