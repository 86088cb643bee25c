package org.oncocds.fairness.boundary;

import java.time.Instant;

/**
 * A model version's fairness status: the latest decision a compliance officer made on one of its stored bias reports.
 * When {@code status} is {@link ReviewStatus#NOT_REVIEWED} every other field but {@code modelVersion} is null.
 *
 * @param modelVersion
 *            the model version, e.g. {@code colon-recurrence-5y/1}
 * @param status
 *            not reviewed, approved or rejected
 * @param reportId
 *            the stored report decided on
 * @param reportVersion
 *            that report's version for the model version
 * @param decidedBy
 *            the compliance officer's user name
 * @param decidedAt
 *            when (UTC)
 * @param comment
 *            the compliance officer's written comment
 */
public record FairnessStatus(String modelVersion, ReviewStatus status, Long reportId, Integer reportVersion,
        String decidedBy, Instant decidedAt, String comment) {

    static FairnessStatus notReviewed(String modelVersion) {
        return new FairnessStatus(modelVersion, ReviewStatus.NOT_REVIEWED, null, null, null, null, null);
    }
}
