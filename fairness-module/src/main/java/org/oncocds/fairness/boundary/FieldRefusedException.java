package org.oncocds.fairness.boundary;

/**
 * A request was refused because of one field; the message is {@code "<field>: <reason>"} and never repeats a patient
 * identifier. Subclasses are application exceptions that roll the transaction back: nothing was written.
 */
public abstract class FieldRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    protected FieldRefusedException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The name of the field at fault. */
    public String field() {
        return field;
    }
}
