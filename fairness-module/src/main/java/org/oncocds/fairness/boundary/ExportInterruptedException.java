package org.oncocds.fairness.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The stream an export was written to failed part-way. The export's record in the audit trail is kept (the
 * transaction is not rolled back): some of the document may have been delivered.
 */
@ApplicationException(rollback = false)
public class ExportInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
