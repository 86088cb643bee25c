package org.oncocds.audit.entity;

/** What an audit record is about; stored by name, so constants may be added but never renamed. */
public enum AuditKind {
    /** A recommendation shown to a clinician. */
    RECOMMENDATION,
    /** A clinician's decision on a recommendation: accepted, or overridden with the chosen option and a reason. */
    DECISION
}
