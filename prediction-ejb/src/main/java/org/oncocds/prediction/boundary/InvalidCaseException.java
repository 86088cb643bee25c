package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A case was refused because of its inputs; nothing was predicted and nothing was recorded. */
@ApplicationException(rollback = true)
public class InvalidCaseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidCaseException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(FieldError::message).toList());
    }
}
