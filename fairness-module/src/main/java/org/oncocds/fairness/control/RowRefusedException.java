package org.oncocds.fairness.control;

/** An input row (1-based) was refused because of one column; nothing was reported. */
public class RowRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long row;
    private final String column;

    RowRefusedException(long row, String column, String problem) {
        super("row " + row + ", column '" + column + "': " + problem);
        this.row = row;
        this.column = column;
    }

    public long row() {
        return row;
    }

    public String column() {
        return column;
    }
}
