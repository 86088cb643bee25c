package org.oncocds.audit.control;

import java.util.Optional;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * Checks the audit chain in one pass, record by record in sequence order, keeping only the previous link in memory. It
 * stops at the first broken link and says what differs: a changed row (its content no longer matches its hash), a
 * hash not sealed under the configured key (the chain was recomputed by someone without the key), a
 * missing or inserted row (a gap or repeat in the sequence numbers), or a row out of place (its predecessor hash does
 * not match). At the end the chain head must point at the last record, which reveals a removed tail as long as the head
 * row itself was left alone.
 */
public final class ChainWalk {

    /** Where the chain first breaks. {@code recordId} is null when the break is at the chain head. */
    public record Break(Long recordId, long sequenceNumber, String problem) {
    }

    private final ChainSeal seal;
    private long lastSequenceNumber;
    private String lastHash = ChainHead.GENESIS_HASH;
    private long checked;
    private Break firstBreak;

    /** A walk that checks each record's seal under {@code seal}'s key. */
    public ChainWalk(ChainSeal seal) {
        this.seal = seal;
    }

    /** Checks the next record; returns false once the chain is broken (further records are not looked at). */
    public boolean accept(AuditRecord record) {
        if (firstBreak != null) {
            return false;
        }
        String problem = problemOf(record);
        if (problem != null) {
            firstBreak = new Break(record.getId(), record.getSequenceNumber(), problem);
            return false;
        }
        checked++;
        lastSequenceNumber = record.getSequenceNumber();
        lastHash = record.getHash();
        return true;
    }

    /** Checks that the head points at the last record accepted; call after the last record. */
    public void finish(ChainHead head) {
        if (firstBreak != null) {
            return;
        }
        long headSequence = head == null ? 0 : head.getSequenceNumber();
        String headHash = head == null ? ChainHead.GENESIS_HASH : head.getHash();
        if (headSequence != lastSequenceNumber || !headHash.equals(lastHash)) {
            firstBreak = new Break(null, headSequence, "the chain head is at record " + headSequence
                    + " but the last record found is " + lastSequenceNumber
                    + " (records at the end were removed or the head was altered)");
        }
    }

    public long recordsChecked() {
        return checked;
    }

    public long lastSequenceNumber() {
        return lastSequenceNumber;
    }

    /** The hash of the last record accepted (the genesis hash before the first). */
    public String lastHash() {
        return lastHash;
    }

    public Optional<Break> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    private String problemOf(AuditRecord record) {
        long expected = lastSequenceNumber + 1;
        if (!record.recomputeHash().equals(record.getHash())) {
            return "the stored content no longer matches the record's hash (the row was changed)";
        }
        if (record.shapeProblem().isPresent()) {
            return record.shapeProblem().get();
        }
        if (record.getSeal() == null) {
            return "the record has no seal (written before seals existed, or the seal was removed)";
        }
        if (!seal.isSealOf(record.getHash(), record.getSeal())) {
            return "the record's seal does not match its hash (the chain was rewritten without the seal key, or the "
                    + "configured seal key is not the one it was written with)";
        }
        if (record.getSequenceNumber() != expected) {
            return "sequence number " + record.getSequenceNumber() + " follows " + lastSequenceNumber
                    + " (a record is missing or was inserted)";
        }
        if (!record.getPreviousHash().equals(lastHash)) {
            return "the predecessor hash does not match record " + lastSequenceNumber
                    + " (records were reordered, replaced or inserted)";
        }
        return null;
    }
}
