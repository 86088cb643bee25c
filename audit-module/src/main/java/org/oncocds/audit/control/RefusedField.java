package org.oncocds.audit.control;

/**
 * A request the audit trail refuses, naming the field at fault and why (never repeating its value); the boundary turns
 * it into the exception its callers know.
 */
public class RefusedField extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public RefusedField(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
