package org.oncocds.fairness.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A report request or one of its rows was refused; the message names the field (or the row and the column) and the
 * reason. Nothing was reported. {@link #row()} is the 1-based input row, 0 when the problem is not in a row.
 */
@ApplicationException(rollback = true)
public class InvalidBiasInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final long row;

    public InvalidBiasInputException(String field, String message) {
        this(field, 0, message);
    }

    public InvalidBiasInputException(String field, long row, String message) {
        super(message);
        this.field = field;
        this.row = row;
    }

    public String field() {
        return field;
    }

    public long row() {
        return row;
    }
}
