package org.oncocds.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oncocds.audit.entity.AuditKind;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Searches the audit records newest first, a keyset page at a time: {@code sequence_number < :after ORDER BY
 * sequence_number DESC}, with each criterion an equality on an indexed column (every search index ends in the sequence
 * number, so the database walks one index backwards and stops after a page). A search with a time range is ordered by
 * {@code (recorded_at, sequence_number)} instead and continues below the cursor's pair, so the database walks the index
 * on that pair backwards from the range's end (or the cursor) instead of walking the sequence numbers back from the
 * newest record to a range far in the past. Recorded times follow the chain's order (they are read under the chain
 * head's lock) unless servers' clocks disagree; then a time-range search lists records by time. Reads bypass the
 * shared cache.
 */
@Dependent
public class RecordSearch extends AuditTables {

    private static final String RETRIEVE_MODE_HINT = "jakarta.persistence.cache.retrieveMode";
    /** How many recommendation ids one IN list carries when looking up their decisions. */
    private static final int IN_LIST_SIZE = 500;

    /**
     * Where a page ends: the last record shown. {@code recordedAtEpochMicros} is needed for searches with a time range
     * (see {@link RecordCriteria#hasTimeRange()}) and may be null for others.
     */
    public record Position(long sequenceNumber, Long recordedAtEpochMicros) {

        /** The position of a record that was shown last. */
        public static Position of(AuditRecord last) {
            return new Position(last.getSequenceNumber(), last.getRecordedAtEpochMicros());
        }
    }

    /**
     * The position of the record a cursor names.
     *
     * @throws IllegalArgumentException
     *             naming {@code cursor} when no record has that id and sequence number
     */
    public Position positionOf(long sequenceNumber, long recordId) {
        AuditRecord record = find(recordId);
        if (record == null || record.getSequenceNumber() != sequenceNumber) {
            throw new IllegalArgumentException("cursor names no record; start again from the first page");
        }
        return Position.of(record);
    }

    /**
     * Up to {@code limit} records matching {@code criteria} that come after {@code after} (null: from the newest),
     * newest first: by sequence number, or with a time range by recorded time and sequence number.
     */
    public List<AuditRecord> page(RecordCriteria criteria, Position after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM AuditRecord r WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        boolean byTime = criteria.hasTimeRange();
        if (after != null && byTime) {
            // Spelled so that "recorded_at <= :afterTime" bounds the index range; the OR only sorts out equal times.
            jpql.append(" AND r.recordedAtEpochMicros <= :afterTime AND (r.recordedAtEpochMicros < :afterTime"
                    + " OR r.sequenceNumber < :before)");
            parameters.put("afterTime", Objects.requireNonNull(after.recordedAtEpochMicros(),
                    "recorded time of the position"));
            parameters.put("before", after.sequenceNumber());
        } else if (after != null) {
            condition(jpql, parameters, "r.sequenceNumber < :before", "before", after.sequenceNumber());
        }
        condition(jpql, parameters, "r.recordedAtEpochMicros >= :from", "from", criteria.fromEpochMicros());
        condition(jpql, parameters, "r.recordedAtEpochMicros < :to", "to", criteria.toEpochMicrosExclusive());
        condition(jpql, parameters, "r.actorName = :actor", "actor", criteria.actorName());
        condition(jpql, parameters, "r.patientPseudonym = :patient", "patient", criteria.patientPseudonym());
        condition(jpql, parameters, "r.taskId = :task", "task", criteria.taskId());
        condition(jpql, parameters, "r.modelVersion = :model", "model", criteria.modelVersion());
        AuditKind kind = criteria.kind();
        if (criteria.decision() != null) {
            if (kind != null && kind != AuditKind.RECOMMENDATION) {
                return List.of();
            }
            kind = AuditKind.RECOMMENDATION;
            if (RecordCriteria.NO_DECISION.equals(criteria.decision())) {
                jpql.append(" AND NOT EXISTS (SELECT d.id FROM AuditRecord d WHERE d.decidesRecordId = r.id)");
            } else {
                jpql.append(" AND EXISTS (SELECT d.id FROM AuditRecord d WHERE d.decidesRecordId = r.id"
                        + " AND d.decision = :decision)");
                parameters.put("decision", criteria.decision());
            }
        }
        condition(jpql, parameters, "r.kind = :kind", "kind", kind);
        jpql.append(byTime
                ? " ORDER BY r.recordedAtEpochMicros DESC, r.sequenceNumber DESC"
                : " ORDER BY r.sequenceNumber DESC");
        TypedQuery<AuditRecord> query = entityManager.createQuery(jpql.toString(), AuditRecord.class)
                .setMaxResults(limit)
                .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Recommendations of {@code taskId} recorded in {@code [fromMicros, toMicros)}, oldest first, each as {recommendation,
     * its decision or null}; at most {@code limit}.
     */
    public List<Object[]> recommendationsOfTask(String taskId, long fromMicros, long toMicros, int limit) {
        return entityManager.createNamedQuery(AuditRecord.RECOMMENDATIONS_OF_TASK, Object[].class)
                .setParameter("kind", AuditKind.RECOMMENDATION)
                .setParameter("taskId", taskId)
                .setParameter("from", fromMicros)
                .setParameter("to", toMicros)
                .setMaxResults(limit)
                .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                .getResultList();
    }

    /** The newest {@code limit} records, newest first. */
    public List<AuditRecord> newest(int limit) {
        return entityManager.createNamedQuery(AuditRecord.NEWEST_FIRST, AuditRecord.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The record with that id, or null. */
    public AuditRecord find(long recordId) {
        return entityManager.find(AuditRecord.class, recordId);
    }

    /** The newest governance records with that action, newest first, at most {@code limit}. */
    public List<AuditRecord> newestGovernance(String action, int limit) {
        return entityManager.createNamedQuery(AuditRecord.GOVERNANCE_NEWEST_FIRST, AuditRecord.class)
                .setParameter("kind", AuditKind.GOVERNANCE)
                .setParameter("action", action)
                .setMaxResults(limit)
                .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                .getResultList();
    }

    /** The newest governance record with that action and subject, or null. */
    public AuditRecord newestGovernance(String action, String subject) {
        List<AuditRecord> newest = entityManager.createQuery("SELECT r FROM AuditRecord r WHERE r.kind = :kind"
                + " AND r.action = :action AND r.subject = :subject ORDER BY r.sequenceNumber DESC", AuditRecord.class)
                .setParameter("kind", AuditKind.GOVERNANCE)
                .setParameter("action", action)
                .setParameter("subject", subject)
                .setMaxResults(1)
                .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                .getResultList();
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** The decision records of the given recommendations, by the recommendation's id. */
    public Map<Long, AuditRecord> decisionsOf(Collection<Long> recommendationIds) {
        List<Long> ids = new ArrayList<>(recommendationIds);
        Map<Long, AuditRecord> decisions = new HashMap<>();
        for (int start = 0; start < ids.size(); start += IN_LIST_SIZE) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_LIST_SIZE));
            decisions.putAll(entityManager.createNamedQuery(AuditRecord.DECISIONS_OF, AuditRecord.class)
                    .setParameter("recommendationIds", chunk)
                    .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                    .getResultStream()
                    .collect(Collectors.toMap(AuditRecord::getDecidesRecordId, Function.identity())));
        }
        return decisions;
    }

    /** The ids of the recommendations among {@code records}. */
    public static List<Long> recommendationIds(List<AuditRecord> records) {
        return records.stream().filter(r -> r.getKind() == AuditKind.RECOMMENDATION).map(AuditRecord::getId).toList();
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            jpql.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }
}
