package org.oncocds.portal.cases;

import org.oncocds.prediction.boundary.FieldError;

/**
 * A refused input as the form shows it: {@code #{messageKey(#{labelKey}, allowed)}}, e.g. "Age (years) must be at
 * least 18.".
 *
 * @param field
 *            the input's name; the message's element id is {@code error-<field>}
 * @param messageKey
 *            the message key of the reason, one per {@link org.oncocds.prediction.boundary.Problem}
 * @param labelKey
 *            the message key naming the field
 * @param allowed
 *            what would have been accepted, or empty
 */
record FieldProblem(String field, String messageKey, String labelKey, String allowed) {

    static FieldProblem of(FieldError error, String labelKey) {
        return new FieldProblem(error.field(), messageKey(error.problem()), labelKey, error.allowed() == null
                ? ""
                : error.allowed());
    }

    static String messageKey(org.oncocds.prediction.boundary.Problem problem) {
        return "problem." + problem.name();
    }
}
