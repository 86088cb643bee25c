package org.oncocds.portal.fairness;

import org.oncocds.fairness.boundary.Estimate;

/**
 * One estimate as a table cell: the value, its interval, and why either is missing.
 *
 * @param reason
 *            the fairness module's reason when the value or interval is missing, else empty
 */
public record MetricCell(String value, String interval, String reason) {

    static MetricCell of(Estimate estimate) {
        if (estimate == null) {
            return new MetricCell("", "", "");
        }
        return new MetricCell(Numbers.value(estimate), Numbers.interval(estimate), estimate.reason() == null
                ? ""
                : estimate.reason());
    }

    public boolean defined() {
        return !value.isEmpty();
    }
}
