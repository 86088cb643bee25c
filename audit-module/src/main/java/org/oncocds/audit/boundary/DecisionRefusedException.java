package org.oncocds.audit.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A decision the audit trail will not record, naming the {@link DecisionEvent} component at fault and why. It reaches
 * the caller unwrapped, and the transaction it was thrown in is rolled back: nothing of the decision is written.
 */
@ApplicationException(rollback = true)
public class DecisionRefusedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public DecisionRefusedException(String field, String reason) {
        super(field, reason);
    }
}
