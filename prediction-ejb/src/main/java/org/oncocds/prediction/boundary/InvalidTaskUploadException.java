package org.oncocds.prediction.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A task upload was refused whole: its definition is invalid or its data is malformed. Nothing was stored or recorded.
 * {@link #problems()} lists up to {@link TaskUploads#MAX_PROBLEMS} of the problems found, not just the first.
 */
@ApplicationException(rollback = true)
public class InvalidTaskUploadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<UploadProblem> problems;

    public InvalidTaskUploadException(List<UploadProblem> problems) {
        super(String.join("; ", problems.stream().map(UploadProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<UploadProblem> problems() {
        return problems;
    }
}
