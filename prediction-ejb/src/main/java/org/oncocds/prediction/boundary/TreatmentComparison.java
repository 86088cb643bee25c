package org.oncocds.prediction.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The predicted outcome under each treatment option for one patient, as shown to the clinician. It exists only once its
 * audit record is committed.
 *
 * @param taskId
 *            the prediction task
 * @param model
 *            the model version that answered
 * @param referenceOption
 *            the option the others are compared against
 * @param options
 *            one risk per treatment option, in the task's order
 * @param patientPseudonym
 *            the pseudonym the record was filed under
 * @param auditRecordId
 *            the committed audit record of this recommendation
 * @param auditedAt
 *            when the audit record was committed (UTC)
 */
public record TreatmentComparison(String taskId, ModelDescription model, String referenceOption,
        List<OptionRisk> options, String patientPseudonym, long auditRecordId, Instant auditedAt) {

    public TreatmentComparison {
        options = List.copyOf(options);
    }
}
