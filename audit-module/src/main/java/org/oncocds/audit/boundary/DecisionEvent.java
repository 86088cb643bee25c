package org.oncocds.audit.boundary;

/**
 * A clinician's decision on a recommendation the audit trail recorded. Build it with {@link #accepted} or
 * {@link #overridden}. The actor is not part of it: the audit trail takes it from the container's security context.
 *
 * @param requestId
 *            identifies the request that carried the decision, across logs and records
 * @param recommendationRecordId
 *            the {@link AuditReceipt#recordId()} of the recommendation decided on
 * @param decision
 *            accepted or overridden
 * @param chosenOption
 *            for an override, the treatment option the clinician chose instead; must be absent for an acceptance
 * @param reason
 *            for an override, why (required, at most {@value AuditTrail#MAX_REASON_LENGTH} characters); for an
 *            acceptance an optional note. Free text: it must not contain an MRN, a password or a token
 */
public record DecisionEvent(String requestId, long recommendationRecordId, Decision decision, String chosenOption,
        String reason) {

    /** The clinician follows the recommendation. */
    public static DecisionEvent accepted(String requestId, long recommendationRecordId) {
        return new DecisionEvent(requestId, recommendationRecordId, Decision.ACCEPTED, null, null);
    }

    /** The clinician chose {@code chosenOption} instead, for the given reason. */
    public static DecisionEvent overridden(String requestId, long recommendationRecordId, String chosenOption,
            String reason) {
        return new DecisionEvent(requestId, recommendationRecordId, Decision.OVERRIDDEN, chosenOption, reason);
    }
}
