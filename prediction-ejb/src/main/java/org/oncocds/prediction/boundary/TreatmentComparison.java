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
 * @param inputs
 *            every feature as the model used it, in the task's order, imputed ones marked
 * @param drivers
 *            every feature's contribution to the risk under the reference option, largest absolute change first
 */
public record TreatmentComparison(String taskId, ModelDescription model, String referenceOption,
        List<OptionRisk> options, String patientPseudonym, long auditRecordId, Instant auditedAt,
        List<InputValue> inputs, List<Driver> drivers) {

    public TreatmentComparison {
        options = List.copyOf(options);
        inputs = List.copyOf(inputs);
        drivers = List.copyOf(drivers);
    }

    /** A comparison without the drivers. */
    public TreatmentComparison(String taskId, ModelDescription model, String referenceOption,
            List<OptionRisk> options, String patientPseudonym, long auditRecordId, Instant auditedAt,
            List<InputValue> inputs) {
        this(taskId, model, referenceOption, options, patientPseudonym, auditRecordId, auditedAt, inputs, List.of());
    }

    /** A comparison without the inputs echoed back (the original contract). */
    public TreatmentComparison(String taskId, ModelDescription model, String referenceOption,
            List<OptionRisk> options, String patientPseudonym, long auditRecordId, Instant auditedAt) {
        this(taskId, model, referenceOption, options, patientPseudonym, auditRecordId, auditedAt, List.of());
    }
}
