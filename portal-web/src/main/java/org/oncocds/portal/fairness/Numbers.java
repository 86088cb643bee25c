package org.oncocds.portal.fairness;

import java.util.Locale;
import org.oncocds.fairness.boundary.Estimate;

/** How the fairness pages write numbers: three decimals, the 95% interval in brackets, "n/a" never invented. */
final class Numbers {

    private Numbers() {
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** The estimate's value, or empty when it is undefined. */
    static String value(Estimate estimate) {
        return estimate == null || estimate.value() == null ? "" : decimal(estimate.value());
    }

    /** {@code [lower, upper]}, or empty without an interval. */
    static String interval(Estimate estimate) {
        return estimate == null || estimate.interval() == null
                ? ""
                : "[" + decimal(estimate.interval().lower())
                        + ", " + decimal(estimate.interval().upper()) + "]";
    }
}
