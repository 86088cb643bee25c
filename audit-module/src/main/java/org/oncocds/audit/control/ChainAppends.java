package org.oncocds.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.LockModeType;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * Appends records to the hash chain inside the current transaction. The chain head's row is locked ({@code SELECT ...
 * FOR UPDATE}) until that transaction ends, which serializes appends across threads and servers on one database: no
 * fork, no gap.
 */
@Dependent
public class ChainAppends extends AuditTables {

    /**
     * Locks the head, builds the next record from it (the builder moves the head), writes the record and flushes, so a
     * failing write surfaces here and rolls the caller's transaction back.
     */
    public AuditRecord append(Function<ChainHead, AuditRecord> nextRecord) {
        AuditRecord record = nextRecord.apply(lockedHead());
        entityManager.persist(record);
        entityManager.flush();
        return record;
    }

    /**
     * The chain head, locked until the transaction ends. The row is created by the first append ever. Should two first
     * appends race, the database's primary key lets one win and the other's transaction fails (nothing of it is
     * written), once in the database's lifetime.
     */
    public ChainHead lockedHead() {
        ChainHead head = entityManager.find(ChainHead.class, ChainHead.SINGLE_ROW_ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = ChainHead.genesis();
            entityManager.persist(head);
            entityManager.flush();
        }
        return head;
    }

    /**
     * The seal under the configured key, read on every call so a missing key is reported at once: the audit trail fails
     * closed, recording and verifying nothing without it (the message names the property, never the value).
     */
    public static ChainSeal configuredSeal() {
        Config config = ConfigProvider.getConfig();
        return ChainSeal.fromConfiguredKey(config.getOptionalValue(ChainSeal.KEY_PROPERTY, String.class),
                config.getOptionalValue("oncocds.pseudonym.key", String.class));
    }
}
