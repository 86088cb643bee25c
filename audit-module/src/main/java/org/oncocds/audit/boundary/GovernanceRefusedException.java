package org.oncocds.audit.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A governance event the audit trail will not record, naming the {@link GovernanceEvent} component at fault
 * ({@code event}, {@code action}, {@code subject}, {@code requestId}, {@code details}) and why, never repeating the
 * value. It reaches the caller unwrapped and rolls back the transaction it was thrown in: nothing is written, and a
 * change that needed the record does not commit without it.
 */
@ApplicationException(rollback = true)
public class GovernanceRefusedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public GovernanceRefusedException(String field, String reason) {
        super(field, reason);
    }
}
