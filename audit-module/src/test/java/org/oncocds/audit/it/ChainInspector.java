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

    /** The stored fields of one record that the governance tests look at. */
    public record Stored(String kind, String actorName, String actorRoles, String action, String subject,
            String detailsJson, String requestId, String patientPseudonym) {
    }

    /** One record as stored, read from the database. */
    public Stored stored(long recordId) {
        AuditRecord r = entityManager.find(AuditRecord.class, recordId,
                java.util.Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS));
        return new Stored(r.getKind().name(), r.getActorName(), r.getActorRoles(), r.getAction(), r.getSubject(),
                r.getInputsJson(), r.getRequestId(), r.getPatientPseudonym());
    }

    /** How many records carry the request id. */
    public long countWithRequestId(String requestId) {
        return entityManager
                .createQuery("SELECT COUNT(r) FROM AuditRecord r WHERE r.requestId = :requestId", Long.class)
                .setParameter("requestId", requestId)
                .getSingleResult();
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
