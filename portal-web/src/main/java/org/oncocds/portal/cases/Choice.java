package org.oncocds.portal.cases;

/**
 * One option of a select.
 *
 * @param value
 *            the code sent with the form
 * @param labelKey
 *            the message key of its human label
 */
record Choice(String value, String labelKey, boolean selected) {
}
