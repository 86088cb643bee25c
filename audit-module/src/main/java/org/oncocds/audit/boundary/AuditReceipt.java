package org.oncocds.audit.boundary;

import java.time.Instant;

/** Proof that an audit record was written: its id and the time it was recorded (UTC). */
public record AuditReceipt(long recordId, Instant recordedAt) {
}
