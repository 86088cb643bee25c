package org.oncocds.fairness.boundary;

/**
 * An outcome a clinician or data manager reports for a patient and a task. The MRN is pseudonymised at once and never
 * stored or logged; {@link #toString()} leaves it out.
 *
 * @param mrn
 *            the patient's medical record number, as entered for the recommendation
 * @param taskId
 *            the prediction task, e.g. {@code colon-recurrence-5y}
 * @param outcome
 *            the event happened, or the patient was event-free
 * @param day
 *            days after the treatment decision (the patient's first recommendation for the task), 0 to
 *            {@value PatientOutcomes#MAX_DAY}
 */
public record OutcomeReport(String mrn, String taskId, OutcomeKind outcome, Integer day) {

    @Override
    public String toString() {
        return "OutcomeReport[mrn=(not shown), taskId=" + taskId + ", outcome=" + outcome + ", day=" + day + "]";
    }
}
