package org.oncocds.audit.boundary;

import java.time.Instant;

/**
 * One recorded recommendation with what the clinician chose, for outcome monitoring.
 *
 * @param recordId
 *            the recommendation record's id
 * @param recordedAt
 *            when it was recorded (UTC)
 * @param patientPseudonym
 *            the patient's pseudonym (never the MRN)
 * @param modelVersion
 *            the model version that produced it
 * @param inputsJson
 *            the case's inputs as recorded (canonical JSON)
 * @param outputsJson
 *            the outputs shown as recorded (canonical JSON)
 * @param chosenOption
 *            from the decision record: on an acceptance the option the outputs name as {@code "recommendedOption"}
 *            (null when they name none), on an override the option chosen instead; null when no decision was recorded
 */
public record RecommendationFact(long recordId, Instant recordedAt, String patientPseudonym, String modelVersion,
        String inputsJson, String outputsJson, String chosenOption) {
}
