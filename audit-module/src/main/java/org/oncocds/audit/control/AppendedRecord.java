package org.oncocds.audit.control;

import java.time.Instant;

/**
 * What the batch writer did with one pending record: committed it (its id and recording time), or left it out because
 * its model version no longer answers ({@code withdrawnModelVersion} set, {@code id} 0).
 */
public record AppendedRecord(long id, Instant recordedAt, String withdrawnModelVersion) {

    public AppendedRecord(long id, Instant recordedAt) {
        this(id, recordedAt, null);
    }

    static AppendedRecord withdrawn(String modelVersion) {
        return new AppendedRecord(0, null, modelVersion);
    }

    public boolean isWithdrawn() {
        return withdrawnModelVersion != null;
    }
}
