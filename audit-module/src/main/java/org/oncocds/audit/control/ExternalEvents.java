package org.oncocds.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;
import org.oncocds.audit.entity.ExternalEvent;

/**
 * Records events from outside the application at most once each. The check for an earlier record of the same external
 * id runs under the chain head's lock, which every append holds until its transaction ends: a second import of the
 * event (another server, a retry) waits for the first one's transaction and then sees its row, so it records nothing.
 * The external id's primary key is the backstop should anything bypass the lock: the second insert fails and its
 * transaction rolls back, nothing of it written.
 */
@Dependent
public class ExternalEvents extends AuditTables {

    @Inject
    ChainAppends chain;

    /**
     * Appends the record {@code nextRecord} builds, unless a record was made for {@code externalEventId} before.
     *
     * @return the appended record, or empty when the event had been recorded already (nothing is written then)
     */
    public Optional<AuditRecord> appendOnce(String externalEventId, Instant occurredAt,
            Function<ChainHead, AuditRecord> nextRecord) {
        ChainHead head = chain.lockedHead();
        if (entityManager.find(ExternalEvent.class, externalEventId) != null) {
            return Optional.empty();
        }
        AuditRecord record = nextRecord.apply(head);
        entityManager.persist(record);
        entityManager.flush();
        entityManager.persist(new ExternalEvent(externalEventId, record.getId(), occurredAt));
        entityManager.flush();
        return Optional.of(record);
    }

    /** The newest source time of the recorded events whose id starts with {@code prefix}; empty when there is none. */
    public Optional<Instant> latestOccurredAt(String prefix) {
        Long micros = entityManager.createNamedQuery(ExternalEvent.LATEST_OCCURRED, Long.class)
                .setParameter("prefix", likePrefix(prefix))
                .getSingleResult();
        return Optional.ofNullable(micros).map(m -> Instant.EPOCH.plus(m, ChronoUnit.MICROS));
    }

    /** {@code prefix} as a LIKE pattern escaped with '!' that matches the strings starting with it. */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
