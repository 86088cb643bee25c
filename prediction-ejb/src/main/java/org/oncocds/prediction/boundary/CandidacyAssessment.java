package org.oncocds.prediction.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The immunotherapy candidacy of one patient under a versioned rule set. It exists only once its audit record is
 * committed.
 *
 * @param ruleSetVersion
 *            e.g. {@code immunotherapy-candidacy/2025.1} (audited as the model version)
 * @param ruleSetSha256
 *            SHA-256 of the rule set's definition (audited as the model's hash)
 * @param verdict
 *            {@code CANDIDATE} (at least one criterion met), {@code INSUFFICIENT_DATA} (none met, at least one not
 *            evaluable) or {@code NOT_A_CANDIDATE}
 * @param criteria
 *            every criterion, evaluated, in the rule set's order
 * @param fired
 *            the ids of the criteria that were met
 * @param caveats
 *            what the rule set does not check
 * @param patientPseudonym
 *            the pseudonym the record was filed under
 * @param auditRecordId
 *            the committed audit record
 * @param auditedAt
 *            when it was committed (UTC)
 */
public record CandidacyAssessment(String ruleSetVersion, String ruleSetSha256, String verdict,
        List<CriterionResult> criteria, List<String> fired, List<String> caveats, String patientPseudonym,
        long auditRecordId, Instant auditedAt) {

    public CandidacyAssessment {
        criteria = List.copyOf(criteria);
        fired = List.copyOf(fired);
        caveats = List.copyOf(caveats);
    }
}
