package org.oncocds.fairness.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One attribute or intersection of attributes and a tally per group seen. A row's group is found through a dense
 * table indexed by the attribute codes (at most 64 values per attribute, at most three attributes), so adding a row
 * allocates nothing.
 */
final class Grouping {

    static final int MAX_GROUPS = 128;

    private final List<AttributeColumn> columns;
    private final int[] columnIndexes;
    private final double threshold;
    private final int[] slotByKey;
    private final List<GroupTally> tallies = new ArrayList<>();
    private final List<int[]> codesBySlot = new ArrayList<>();

    Grouping(List<AttributeColumn> columns, int[] columnIndexes, double threshold) {
        this.columns = List.copyOf(columns);
        this.columnIndexes = columnIndexes.clone();
        this.threshold = threshold;
        this.slotByKey = new int[(int) Math.pow(AttributeColumn.MAX_VALUES, columns.size())];
        Arrays.fill(slotByKey, -1);
    }

    List<String> attributes() {
        return columns.stream().map(AttributeColumn::name).toList();
    }

    /** Adds a row whose attribute codes (by column index of the whole analysis) are {@code codes}. */
    void add(int[] codes, int label, double score, boolean positiveDecision, int bin, long row) {
        int key = 0;
        for (int i = columnIndexes.length - 1; i >= 0; i--) {
            key = key * AttributeColumn.MAX_VALUES + codes[columnIndexes[i]];
        }
        int slot = slotByKey[key];
        if (slot < 0) {
            slot = newGroup(key, codes, row);
        }
        tallies.get(slot).add(label, score, positiveDecision, bin);
    }

    private int newGroup(int key, int[] codes, long row) {
        if (tallies.size() == MAX_GROUPS) {
            throw new RowRefusedException(row, columns.get(columns.size() - 1).name(), "the grouping "
                    + AnalysisPlan.groupingName(attributes()) + " has more than " + MAX_GROUPS + " groups");
        }
        int[] own = new int[columnIndexes.length];
        for (int i = 0; i < own.length; i++) {
            own[i] = codes[columnIndexes[i]];
        }
        slotByKey[key] = tallies.size();
        tallies.add(new GroupTally(threshold));
        codesBySlot.add(own);
        return tallies.size() - 1;
    }

    /** The groups seen, bands in band order and categories in label order, component by component. */
    List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (int slot = 0; slot < tallies.size(); slot++) {
            groups.add(new Group(label(codesBySlot.get(slot)), codesBySlot.get(slot), tallies.get(slot)));
        }
        groups.sort(order());
        return groups;
    }

    private String label(int[] codes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            parts.add(columns.get(i).label(codes[i]));
        }
        return String.join(" × ", parts);
    }

    private Comparator<Group> order() {
        return (a, b) -> {
            for (int i = 0; i < columns.size(); i++) {
                AttributeColumn column = columns.get(i);
                int byComponent = column.banded()
                        ? Integer.compare(a.codes()[i], b.codes()[i])
                        : column.label(a.codes()[i]).compareTo(column.label(b.codes()[i]));
                if (byComponent != 0) {
                    return byComponent;
                }
            }
            return 0;
        };
    }

    record Group(String label, int[] codes, GroupTally tally) {
    }
}
