package org.oncocds.fairness.boundary;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored report as a CSV table (RFC 4180, CRLF line ends): one row per group and metric (record type
 * {@code GROUP_METRIC}) and one per disparity ({@code DISPARITY}), with the 95% interval and the verdict. Numbers are
 * Java's shortest round-trip decimals; an undefined value is an empty field with its reason. A text field that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
 */
final class ReportCsv {

    static final List<String> HEADER = List.of("report_id", "model_version", "report_version", "record_type",
            "grouping", "group", "comparison", "reference_group", "metric", "n", "sufficient_data", "value",
            "ci_lower", "ci_upper", "defined_replicates", "tolerance", "verdict", "reason");

    static final String GROUP_METRIC = "GROUP_METRIC";
    static final String DISPARITY = "DISPARITY";
    /** A disparity of one group against the reference group. */
    static final String AGAINST_REFERENCE = "AGAINST_REFERENCE";
    /** A disparity across all groups with sufficient data (max − min, or min / max for the ratio). */
    static final String ACROSS_GROUPS = "ACROSS_GROUPS";

    private ReportCsv() {
    }

    static void write(StoredBiasReport stored, Writer out) throws IOException {
        line(out, HEADER);
        for (GroupingReport grouping : stored.report().groupings()) {
            for (GroupReport group : grouping.groups()) {
                for (Map.Entry<GroupMetric, Estimate> metric : group.metrics().entrySet()) {
                    List<String> row = start(stored, GROUP_METRIC, grouping, group.group(), "");
                    row.add(metric.getKey().name());
                    row.add(Long.toString(group.n()));
                    row.add(Boolean.toString(group.sufficientData()));
                    estimate(row, metric.getValue());
                    row.add("");
                    row.add("");
                    row.add(text(metric.getValue().reason()));
                    line(out, row);
                }
            }
            for (Disparity disparity : grouping.disparities()) {
                List<String> row = start(stored, DISPARITY, grouping, disparity.group(), disparity.acrossAllGroups()
                        ? ACROSS_GROUPS
                        : AGAINST_REFERENCE);
                row.add(disparity.metric().name());
                row.add("");
                row.add("");
                estimate(row, disparity.estimate());
                row.add(Double.toString(disparity.tolerance()));
                row.add(disparity.verdict().name());
                row.add(text(disparity.reason() != null ? disparity.reason() : disparity.estimate().reason()));
                line(out, row);
            }
        }
        out.flush();
    }

    private static List<String> start(StoredBiasReport stored, String type, GroupingReport grouping, String group,
            String comparison) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(Long.toString(stored.id()));
        row.add(text(stored.modelVersion()));
        row.add(Integer.toString(stored.reportVersion()));
        row.add(type);
        row.add(text(grouping.grouping()));
        row.add(text(group));
        row.add(comparison);
        row.add(text(grouping.referenceGroup()));
        return row;
    }

    private static void estimate(List<String> row, Estimate estimate) {
        Interval interval = estimate.interval();
        row.add(estimate.value() == null ? "" : Double.toString(estimate.value()));
        row.add(interval == null ? "" : Double.toString(interval.lower()));
        row.add(interval == null ? "" : Double.toString(interval.upper()));
        row.add(interval == null ? "" : Integer.toString(interval.definedReplicates()));
    }

    /** Free text: null as empty, defused against spreadsheet formulas. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
