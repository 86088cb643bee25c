package org.oncocds.prediction.boundary;

import java.util.Map;

/**
 * A clinician's request for a treatment comparison, with the inputs as typed (unparsed text), so that the prediction
 * module alone decides what is valid.
 *
 * @param taskId
 *            the prediction task
 * @param mrn
 *            the patient's medical record number; pseudonymised before anything is stored, never logged
 * @param values
 *            raw input values by feature name; blank means missing
 * @param referenceOption
 *            the treatment option the others are compared against
 */
public record CaseRequest(String taskId, String mrn, Map<String, String> values, String referenceOption) {

    public CaseRequest {
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        // Never print the MRN: records end up in logs.
        return "CaseRequest[taskId=" + taskId + ", values=" + values + ", referenceOption=" + referenceOption + "]";
    }
}
