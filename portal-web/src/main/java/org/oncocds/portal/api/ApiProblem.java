package org.oncocds.portal.api;

import java.util.List;

/**
 * A refused API request: the HTTP status and each problem with the field (or parameter, header, line) it concerns.
 * Answered as JSON by {@link ApiExceptions}; nothing was changed.
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Problem> problems;

    public ApiProblem(int status, List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).message());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiProblem(int status, String field, String message) {
        this(status, List.of(new Problem(field, message)));
    }

    public static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(400, field, message);
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One refused field and why. */
    public record Problem(String field, String message) {
    }
}
