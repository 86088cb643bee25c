package org.oncocds.portal.audit;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.oncocds.audit.boundary.ChainVerification;

/**
 * The outcome of the latest chain verification the compliance officer ran in this session, as the audit page shows
 * it until the next one.
 *
 * @param completed
 *            false when the verification itself could not run (then nothing else is known)
 * @param intact
 *            whether every record matched its hash and link
 * @param recordsChecked
 *            how many records were found intact before the walk ended
 * @param brokenRecordId
 *            the first record breaking the chain; null when intact or the break is at the chain head
 * @param brokenSequenceNumber
 *            the chain position of the break; null when intact
 * @param problem
 *            what differs at the break, in the audit module's words; null when intact
 * @param checkedAt
 *            when the verification ended (UTC, ISO 8601)
 * @param checkpointSequence
 *            the sequence number of the kept checkpoint the chain was verified against; null for a plain verification
 * @param checkpointRefusal
 *            why the checkpoint given was not used (unreadable, altered, another installation's); null otherwise
 */
record ChainCheck(boolean completed, boolean intact, long recordsChecked, Long brokenRecordId,
        Long brokenSequenceNumber, String problem, String checkedAt, Long checkpointSequence,
        String checkpointRefusal) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String ATTRIBUTE = ChainCheck.class.getName();

    static ChainCheck of(ChainVerification verification) {
        return of(verification, null);
    }

    static ChainCheck of(ChainVerification verification, Long checkpointSequence) {
        return new ChainCheck(true, verification.intact(), verification.recordsChecked(), verification
                .brokenRecordId(), verification.brokenSequenceNumber(), verification.problem(),
                verification
                        .verifiedAt().toString(),
                checkpointSequence, null);
    }

    static ChainCheck failed(String at) {
        return new ChainCheck(false, false, 0, null, null, null, at, null, null);
    }

    /** The checkpoint given was refused before anything was verified. */
    static ChainCheck checkpointRefused(String at, String reason) {
        return new ChainCheck(false, false, 0, null, null, null, at, null, reason);
    }

    void keep(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    static Optional<ChainCheck> latest(HttpSession session) {
        return session == null
                ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).filter(
                        ChainCheck.class::isInstance).map(ChainCheck.class::cast);
    }
}
