package org.oncocds.audit.boundary;

/** Selects recommendations by the decision recorded on them. */
public enum DecisionFilter {
    /** Recommendations the clinician accepted. */
    ACCEPTED,
    /** Recommendations the clinician overrode. */
    OVERRIDDEN,
    /** Recommendations without a recorded decision. */
    NONE
}
