package org.oncocds.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.CacheRetrieveMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * Walks the whole chain in sequence order, a page at a time, reading every row from the database (never from a cache),
 * and checks a kept checkpoint against it.
 */
@Dependent
public class ChainVerifier extends AuditTables {

    private static final int PAGE_SIZE = 500;
    private static final String RETRIEVE_MODE_HINT = "jakarta.persistence.cache.retrieveMode";

    /** The finished walk: its first break (if any), the records checked and the head it ended at. */
    public ChainWalk walk(ChainSeal seal) {
        ChainWalk walk = new ChainWalk(seal);
        boolean intactSoFar = true;
        while (intactSoFar) {
            List<AuditRecord> page = entityManager.createNamedQuery(AuditRecord.IN_CHAIN_ORDER, AuditRecord.class)
                    .setParameter("after", walk.lastSequenceNumber())
                    .setMaxResults(PAGE_SIZE)
                    .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                    .getResultList();
            intactSoFar = page.stream().allMatch(walk::accept);
            entityManager.clear();
            if (page.size() < PAGE_SIZE) {
                break;
            }
        }
        walk.finish(head());
        return walk;
    }

    /**
     * Where an intact chain fails a kept checkpoint: the record the checkpoint vouches for is gone (a cut-off tail) or
     * has another hash (the chain was replaced after it). Empty when the chain still holds it.
     */
    public Optional<ChainWalk.Break> breakAgainst(long checkpointSequenceNumber, String checkpointHash,
            Instant takenAt, long chainLength) {
        if (checkpointSequenceNumber == 0) {
            return Optional.empty();
        }
        List<AuditRecord> vouchedFor = entityManager.createNamedQuery(AuditRecord.AT_SEQUENCE_NUMBER, AuditRecord.class)
                .setParameter("sequenceNumber", checkpointSequenceNumber)
                .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                .getResultList();
        if (vouchedFor.isEmpty()) {
            return Optional.of(new ChainWalk.Break(null, checkpointSequenceNumber, "the chain ends at record "
                    + chainLength + " but the checkpoint taken at " + takenAt + " vouches for record "
                    + checkpointSequenceNumber + " (records at the end were removed)"));
        }
        AuditRecord record = vouchedFor.get(0);
        if (!record.getHash().equals(checkpointHash)) {
            return Optional.of(new ChainWalk.Break(record.getId(), checkpointSequenceNumber, "record "
                    + checkpointSequenceNumber + " differs from the checkpoint taken at " + takenAt
                    + " (records were removed or replaced after it)"));
        }
        return Optional.empty();
    }

    /** The chain head as the database holds it now; null before the first record. */
    public ChainHead head() {
        return entityManager.find(ChainHead.class, ChainHead.SINGLE_ROW_ID, Map.of(RETRIEVE_MODE_HINT,
                CacheRetrieveMode.BYPASS));
    }
}
