package org.oncocds.audit.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oncocds.audit.entity.AuditRecord;

/** Reads the stored chain links as the database holds them, for the integration test to check. */
@Stateless
public class ChainInspector {

    /** One stored link and the hash recomputed from the stored row. */
    public record Link(long recordId, long sequenceNumber, String previousHash, String hash, String recomputedHash) {
    }

    @PersistenceContext(unitName = "oncocds-audit")
    EntityManager entityManager;

    /** The newest links, oldest first. */
    public List<Link> newestLinks(int count) {
        List<AuditRecord> newestFirst = entityManager
                .createQuery("SELECT r FROM AuditRecord r ORDER BY r.sequenceNumber DESC", AuditRecord.class)
                .setMaxResults(count)
                .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                .getResultList();
        List<AuditRecord> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst.stream()
                .map(r -> new Link(r.getId(), r.getSequenceNumber(), r.getPreviousHash(), r.getHash(),
                        r.recomputeHash()))
                .toList();
    }
}
