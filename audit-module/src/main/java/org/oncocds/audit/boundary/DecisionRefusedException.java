package org.oncocds.audit.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A decision the audit trail will not record, naming the field at fault and why. It reaches the caller unwrapped, and
 * the transaction it was thrown in is rolled back: nothing of the decision is written.
 */
@ApplicationException(rollback = true)
public class DecisionRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DecisionRefusedException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    /** The name of the {@link DecisionEvent} component that was refused. */
    public String field() {
        return field;
    }
}
