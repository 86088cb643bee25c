package org.oncocds.audit.boundary;

import java.time.Instant;

/**
 * The result of walking the audit chain.
 *
 * @param intact
 *            true when every record matches its hash and links to its predecessor, and the chain head points at the
 *            last record
 * @param recordsChecked
 *            how many records were found intact before the walk ended
 * @param brokenRecordId
 *            the id of the first record that breaks the chain; null when intact or when the break is at the chain head
 * @param brokenSequenceNumber
 *            the sequence number where the chain breaks; null when intact
 * @param problem
 *            what differs at the break, for a compliance officer to read; null when intact
 * @param verifiedAt
 *            when the walk ended (UTC)
 */
public record ChainVerification(boolean intact, long recordsChecked, Long brokenRecordId, Long brokenSequenceNumber,
        String problem, Instant verifiedAt) {
}
