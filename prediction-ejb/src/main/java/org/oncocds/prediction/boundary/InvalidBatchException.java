package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A batch was refused whole: nothing was scored and nothing was recorded. At most 100 errors are listed. */
@ApplicationException(rollback = true)
public class InvalidBatchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<BatchError> errors;

    public InvalidBatchException(List<BatchError> errors) {
        super(String.join("; ", errors.stream().limit(5).map(e -> "line " + e.line() + " " + e.column() + ": " + e
                .message()).toList()) + (errors.size() > 5 ? "; ..." : ""));
        this.errors = List.copyOf(errors);
    }

    public List<BatchError> errors() {
        return errors;
    }
}
