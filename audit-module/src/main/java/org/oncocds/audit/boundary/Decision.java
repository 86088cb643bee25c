package org.oncocds.audit.boundary;

/** What a clinician did with a recommendation; stored by name, so constants may be added but never renamed. */
public enum Decision {
    /** The clinician follows the recommendation as shown. */
    ACCEPTED,
    /** The clinician chose another option and said why. */
    OVERRIDDEN
}
