package org.oncocds.audit.boundary;

/** The kinds of audit record, for searching. */
public enum RecordKind {
    /** A recommendation shown to a clinician. */
    RECOMMENDATION,
    /** A clinician's decision on a recommendation. */
    DECISION,
    /** A security or governance event ({@link GovernanceAction}). */
    GOVERNANCE
}
