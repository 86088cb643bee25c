package org.oncocds.audit.control;

import java.time.Instant;

/** A record the batch writer committed: its id and recording time. */
public record AppendedRecord(long id, Instant recordedAt) {
}
