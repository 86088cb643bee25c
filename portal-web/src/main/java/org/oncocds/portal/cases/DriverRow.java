package org.oncocds.portal.cases;

import java.io.Serializable;
import java.util.Locale;

/**
 * One driver of the prediction as the result page shows it: the patient's value, the reference value it is compared
 * with and how far the predicted risk moves between them.
 *
 * @param feature
 *            the feature name
 * @param labelKey
 *            the message key of the feature's label
 * @param value
 *            the patient's value (a readable number or a category code)
 * @param valueKey
 *            for categories, the message key of the patient's value; {@code null} for numbers
 * @param referenceValue
 *            the reference value (a readable number or a category code)
 * @param referenceValueKey
 *            for categories, the message key of the reference value; {@code null} for numbers
 * @param riskChange
 *            the change in predicted risk in signed percentage points, e.g. {@code +4.2}
 * @param direction
 *            whether the patient's value raises or lowers the predicted risk, or changes it by less than the shown
 *            precision
 */
record DriverRow(String feature, String labelKey, String value, String valueKey, String referenceValue,
        String referenceValueKey, String riskChange, Direction direction) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which way the patient's value moves the risk, as far as the shown figure tells. */
    enum Direction {
        RAISES, LOWERS, NONE;

        static Direction of(String signedPoints) {
            if (signedPoints.startsWith("+")) {
                return RAISES;
            }
            return signedPoints.startsWith("-") ? LOWERS : NONE;
        }

        /** The row's CSS class: {@code raises}, {@code lowers} or {@code none}. */
        public String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean category() {
        return valueKey != null;
    }
}
