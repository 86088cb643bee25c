package org.oncocds.portal.cases;

import java.io.Serializable;

/**
 * One input as the model used it, for the result page: what the clinician entered, or what the model estimated.
 *
 * @param feature
 *            the feature name
 * @param labelKey
 *            the message key of the feature's label
 * @param value
 *            the number as used, or the category code
 * @param valueKey
 *            for categories, the message key of the code's label; {@code null} for numbers
 * @param category
 *            whether {@code valueKey} names the value
 * @param imputed
 *            whether the clinician left it blank and the model estimated it from the training data
 */
record InputRow(String feature, String labelKey, String value, String valueKey, boolean category, boolean imputed)
        implements
            Serializable {
}
