package org.oncocds.portal.cases;

/**
 * The message keys under which the portal finds the human texts of a task's inputs, codes and treatment options, so
 * that the prediction module's codes never reach the page raw.
 */
final class MessageKeys {

    /** The blank first option of a required select. */
    static final String CHOOSE = "case.choose";
    /** The blank first option of an optional select: the model estimates the value. */
    static final String NOT_KNOWN = "case.notKnown";

    private MessageKeys() {
    }

    /** The task's title, e.g. {@code task.colon-recurrence-5y}. */
    static String task(String taskId) {
        return "task." + taskId;
    }

    static String feature(String taskId, String feature) {
        return task(taskId) + ".feature." + feature;
    }

    /** e.g. {@code task.colon-recurrence-5y.feature.differ.1} = well differentiated. */
    static String category(String taskId, String feature, String code) {
        return feature(taskId, feature) + "." + code;
    }

    static String option(String taskId, String option) {
        return task(taskId) + ".option." + option;
    }

    /** The form's own fields: {@code mrn}, {@code referenceOption}. */
    static String caseField(String field) {
        return "case.field." + field;
    }
}
