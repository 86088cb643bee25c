package org.oncocds.audit.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request the audit trail refuses, naming the field at fault and why (never repeating its value). It reaches the
 * caller unwrapped, and the transaction it was thrown in is rolled back: nothing of the request is written.
 */
@ApplicationException(rollback = true)
public abstract class RefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    protected RefusedException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    /** The name of the request's component that was refused. */
    public String field() {
        return field;
    }
}
