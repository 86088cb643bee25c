package org.oncocds.fairness.control;

/**
 * An input row was refused because of one column; nothing was reported. {@link #row()} is the 1-based row of the
 * input, or for a CSV upload its line (the header being line 1).
 */
public class RowRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long row;
    private final String column;
    private final String problem;

    RowRefusedException(long row, String column, String problem) {
        this("row", row, column, problem);
    }

    RowRefusedException(String place, long row, String column, String problem) {
        super(place + " " + row + ", column '" + column + "': " + problem);
        this.row = row;
        this.column = column;
        this.problem = problem;
    }

    public long row() {
        return row;
    }

    public String column() {
        return column;
    }

    String problem() {
        return problem;
    }
}
