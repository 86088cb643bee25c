package org.oncocds.fairness.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A sign-off was refused; the message names the field ({@code reportId} or {@code comment}) and the reason. Nothing
 * was written.
 */
@ApplicationException(rollback = true)
public class SignOffRefusedException extends FieldRefusedException {

    private static final long serialVersionUID = 1L;

    public SignOffRefusedException(String field, String message) {
        super(field, message);
    }
}
