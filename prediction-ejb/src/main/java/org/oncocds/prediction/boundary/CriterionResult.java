package org.oncocds.prediction.boundary;

/**
 * One criterion of the rule set, evaluated for the patient.
 *
 * @param id
 *            stable id, e.g. {@code tmb-high}
 * @param title
 *            what it checks
 * @param status
 *            {@code MET}, {@code NOT_MET}, or {@code NOT_EVALUABLE} (a value it needs was not given)
 * @param explanation
 *            why, with the patient's values, e.g. {@code TMB 12 mutations/Mb (>= 10)}
 * @param source
 *            the approval or trial the criterion comes from
 */
public record CriterionResult(String id, String title, String status, String explanation, String source) {
}
