package org.oncocds.fairness.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An outcome report was refused; the message names the field ({@code mrn}, {@code taskId}, {@code outcome},
 * {@code day}) and the reason, never the MRN itself. Nothing was written.
 */
@ApplicationException(rollback = true)
public class OutcomeRefusedException extends FieldRefusedException {

    private static final long serialVersionUID = 1L;

    public OutcomeRefusedException(String field, String message) {
        super(field, message);
    }
}
