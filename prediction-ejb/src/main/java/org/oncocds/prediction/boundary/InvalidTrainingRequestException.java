package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A training request was refused because of its fields ({@code taskId}, {@code algorithm}, {@code options.<name>});
 * nothing was started or stored.
 */
@ApplicationException(rollback = true)
public class InvalidTrainingRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidTrainingRequestException(List<FieldError> errors) {
        super(String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
