package org.oncocds.audit.boundary;

/**
 * What the audit trail records about one recommendation shown to a clinician. The actor (user name, roles) is not part
 * of it: the audit trail takes the actor from the container's security context, so a caller cannot forge it.
 *
 * @param requestId
 *            identifies the request across logs and records
 * @param taskId
 *            the prediction task, e.g. {@code colon-recurrence-5y}
 * @param patientPseudonym
 *            keyed HMAC of the MRN from {@link PatientPseudonyms}; never the MRN itself
 * @param modelVersion
 *            the model version that produced the outputs
 * @param modelSha256
 *            SHA-256 of the serialized model
 * @param inputsJson
 *            the case's inputs as canonical JSON
 * @param outputsJson
 *            the outputs shown to the clinician as canonical JSON
 */
public record RecommendationEvent(String requestId, String taskId, String patientPseudonym, String modelVersion,
        String modelSha256, String inputsJson, String outputsJson) {
}
