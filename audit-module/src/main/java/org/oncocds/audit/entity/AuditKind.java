package org.oncocds.audit.entity;

/** What an audit record is about; stored by name, so constants may be added but never renamed. */
public enum AuditKind {
    /** A recommendation shown to a clinician. */
    RECOMMENDATION,
    /** A clinician's decision on a recommendation: accepted, or overridden with the chosen option and a reason. */
    DECISION,
    /**
     * A security or governance event (login, model lifecycle, fairness sign-off, export, chain verification, ...): an
     * action, what it is about and a small flat map of details as canonical JSON; no patient, task or model columns.
     */
    GOVERNANCE
}
