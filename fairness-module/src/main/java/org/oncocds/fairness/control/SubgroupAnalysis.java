package org.oncocds.fairness.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A bias analysis fed one row at a time: {@link #add} validates a row and adds it to the tally of its group in every
 * grouping (memory does not grow with the number of rows); {@link #finish} computes the measures, the bootstrap
 * intervals and the verdicts. Not thread-safe; use one per report.
 */
public final class SubgroupAnalysis {

    private final AnalysisPlan plan;
    private final List<AttributeColumn> columns = new ArrayList<>();
    private final List<Grouping> groupings = new ArrayList<>();
    private final int[] codes;
    private long rows;

    public SubgroupAnalysis(AnalysisPlan plan) {
        this.plan = plan;
        Map<String, Integer> columnIndexes = new LinkedHashMap<>();
        for (List<String> attributes : plan.groupings()) {
            List<AttributeColumn> own = new ArrayList<>();
            int[] indexes = new int[attributes.size()];
            for (int i = 0; i < attributes.size(); i++) {
                String name = attributes.get(i);
                indexes[i] = columnIndexes.computeIfAbsent(name, n -> addColumn(n));
                own.add(columns.get(indexes[i]));
            }
            groupings.add(new Grouping(own, indexes, plan.threshold()));
        }
        this.codes = new int[columns.size()];
    }

    private int addColumn(String name) {
        columns.add(new AttributeColumn(name, plan.bands().get(name)));
        return columns.size() - 1;
    }

    /** Adds the next row; refuses it, naming the row (1-based) and the column, if a value is invalid. */
    public void add(int label, double score, Map<String, String> attributes) {
        long row = rows + 1;
        if (label != 0 && label != 1) {
            throw new RowRefusedException(row, "label", label + " is not 0 or 1");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new RowRefusedException(row, "score", score + " is not between 0 and 1");
        }
        if (attributes == null) {
            throw new RowRefusedException(row, columns.get(0).name(), "missing value");
        }
        for (int i = 0; i < codes.length; i++) {
            codes[i] = columns.get(i).code(attributes, row);
        }
        boolean positiveDecision = score >= plan.threshold();
        int bin = ScoreBins.of(score);
        for (Grouping grouping : groupings) {
            grouping.add(codes, label, score, positiveDecision, bin, row);
        }
        rows = row;
    }

    /** The attribute columns the plan reads from each row. */
    List<String> attributes() {
        return columns.stream().map(AttributeColumn::name).toList();
    }

    public long rows() {
        return rows;
    }

    /** The report without bootstrap intervals: the point estimates of a single pass. */
    public AnalysisResult finishWithoutIntervals() {
        return finish(0);
    }

    public AnalysisResult finish() {
        return finish(plan.bootstrapReplicates());
    }

    private AnalysisResult finish(int replicates) {
        SplittableRandom root = new SplittableRandom(plan.seed());
        List<GroupingResult> results = new ArrayList<>();
        for (Grouping grouping : groupings) {
            results.add(new GroupingAnalysis(plan, grouping, replicates, root.split()).result());
        }
        return new AnalysisResult(rows, results);
    }
}
