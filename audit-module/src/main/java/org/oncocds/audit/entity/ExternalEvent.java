package org.oncocds.audit.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An event from outside the application (e.g. a failed login at Keycloak) that was recorded in the chain: its id is the
 * primary key, so one external event is recorded at most once, whichever server imports it and however often. The
 * governance record it points to carries the id and time in its sealed details; this row only keeps imports unique and
 * tells an importer where to resume. Never cached: every server reads what was committed.
 */
@Entity
@Cacheable(false)
@Table(name = "AUDIT_EXTERNAL_EVENT")
@NamedQuery(name = ExternalEvent.LATEST_OCCURRED, query = "SELECT MAX(e.occurredAtEpochMicros) FROM ExternalEvent e "
        + "WHERE e.externalEventId LIKE :prefix ESCAPE '!'")
public class ExternalEvent {

    /** The newest source time among the ids matching {@code :prefix} (a LIKE pattern escaped with '!'). */
    public static final String LATEST_OCCURRED = "ExternalEvent.latestOccurred";

    /** The longest external event id, in characters. */
    public static final int ID_LENGTH = 255;

    @Id
    @Column(name = "EXTERNAL_EVENT_ID", length = ID_LENGTH, updatable = false)
    private String externalEventId;

    @Column(name = "RECORD_ID", nullable = false, unique = true, updatable = false)
    private long recordId;

    @Column(name = "OCCURRED_AT_EPOCH_MICROS", updatable = false)
    private Long occurredAtEpochMicros;

    /** For JPA only. */
    protected ExternalEvent() {
    }

    /**
     * @param occurredAt
     *            when the event happened at its source; null when the source gives no time
     */
    public ExternalEvent(String externalEventId, long recordId, Instant occurredAt) {
        this.externalEventId = Objects.requireNonNull(externalEventId, "externalEventId");
        this.recordId = recordId;
        this.occurredAtEpochMicros = occurredAt == null ? null : toEpochMicros(occurredAt);
    }

    /** An instant as microseconds since the epoch, the precision the audit tables keep. */
    public static long toEpochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public String getExternalEventId() {
        return externalEventId;
    }

    public long getRecordId() {
        return recordId;
    }
}
