package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one task upload, up to a limit: a malformed file can have a problem on every row, and the
 * administrator needs the first few of each kind, not a million. When more are found than the limit, the last entry
 * says so.
 */
public final class UploadIssues {

    private final int limit;
    private final List<UploadIssue> issues = new ArrayList<>();
    private int dropped;

    public UploadIssues(int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2");
        }
        this.limit = limit;
    }

    /** A problem with the whole of {@code field}. */
    public void add(String field, String message) {
        add(field, null, null, message);
    }

    /** A problem in one cell (or row, when {@code column} is null) of the data. */
    void add(String field, Integer row, String column, String message) {
        if (issues.size() < limit - 1) {
            issues.add(new UploadIssue(field, row, column, message));
        } else {
            dropped++;
        }
    }

    /** The data problem of one row and column, the message prefixed with both. */
    void atCell(int row, String column, String message) {
        add("dataset", row, column, "line " + row + ", column " + column + ": " + message);
    }

    public boolean isEmpty() {
        return issues.isEmpty();
    }

    public int size() {
        return issues.size() + dropped;
    }

    /** The problems in the order found; the last says how many more there were, if any. */
    public List<UploadIssue> list() {
        List<UploadIssue> all = new ArrayList<>(issues);
        if (dropped > 0) {
            all.add(new UploadIssue("dataset", null, null, "dataset: " + dropped + (dropped == 1
                    ? " more problem was"
                    : " more problems were") + " found and not listed"));
        }
        return List.copyOf(all);
    }
}
