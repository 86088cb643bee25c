package org.oncocds.audit.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest link of the audit chain, kept in a single row. Appending a record locks this row (SELECT ... FOR UPDATE)
 * for the rest of the caller's transaction, so appends from any number of threads and servers on one database are
 * serialized: each record gets the next sequence number and its predecessor's hash, with no fork and no gap. A rolled
 * back append leaves the head unchanged. It is never cached, so every server reads the committed head.
 */
@Entity
@Cacheable(false)
@Table(name = "AUDIT_CHAIN_HEAD")
public class ChainHead {

    /** The id of the single row. */
    public static final int SINGLE_ROW_ID = 1;

    /** The predecessor hash of the first record. */
    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    @Column(name = "ID")
    private int id;

    @Column(name = "SEQUENCE_NUMBER", nullable = false)
    private long sequenceNumber;

    @Column(name = "HASH", nullable = false, length = AuditRecord.SHA256_HEX_LENGTH)
    private String hash;

    /** For JPA only. */
    protected ChainHead() {
    }

    private ChainHead(long sequenceNumber, String hash) {
        this.id = SINGLE_ROW_ID;
        this.sequenceNumber = sequenceNumber;
        this.hash = hash;
    }

    /** The head of an empty chain. */
    public static ChainHead genesis() {
        return new ChainHead(0, GENESIS_HASH);
    }

    /**
     * The head as a row read outside JPA holds it (the batch writer locks and reads the row with plain JDBC); not managed
     * by any persistence context: the reader writes the moved head back itself.
     */
    public static ChainHead at(long sequenceNumber, String hash) {
        return new ChainHead(sequenceNumber, hash);
    }

    /** Moves the head to a record that was appended to it. */
    void advanceTo(AuditRecord appended) {
        if (appended.getSequenceNumber() != sequenceNumber + 1 || !appended.getPreviousHash().equals(hash)) {
            throw new IllegalStateException(
                    "record " + appended.getSequenceNumber() + " does not follow the chain head "
                            + sequenceNumber);
        }
        this.sequenceNumber = appended.getSequenceNumber();
        this.hash = appended.getHash();
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public String getHash() {
        return hash;
    }
}
