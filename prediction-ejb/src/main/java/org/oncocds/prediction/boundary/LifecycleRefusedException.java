package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A lifecycle change that was refused, naming the parameter at fault ({@code version}, {@code biasReportId},
 * {@code state}, {@code model}) and why. Nothing changed: the caller's transaction rolls back.
 */
@ApplicationException(rollback = true)
public class LifecycleRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public LifecycleRefusedException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
