package org.oncocds.fairness.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored report as a PDF document for the review file: title, model version and SHA-256, the inputs' and the stored
 * document's SHA-256, thresholds and tolerances, the verdict summary, the decision on the report, then per grouping
 * the per-group table (estimate and 95% interval of every metric) and the disparities with their intervals, tolerances,
 * verdicts and reasons. Numbers are rounded to three decimals; the CSV and JSON exports carry them in full.
 */
final class ReportPdf {

    private static final float TITLE = 16;
    private static final float SECTION = 12;
    private static final float TEXT = 9;
    private static final float TABLE = 6.5f;

    private static final Map<GroupMetric, String> GROUP_LABELS = new EnumMap<>(Map.ofEntries(Map.entry(
            GroupMetric.BASE_RATE, "Base rate"), Map.entry(GroupMetric.SELECTION_RATE, "Selection rate"),
            Map.entry(
                    GroupMetric.TRUE_POSITIVE_RATE, "TPR"),
            Map.entry(GroupMetric.FALSE_POSITIVE_RATE, "FPR"), Map.entry(
                    GroupMetric.FALSE_NEGATIVE_RATE, "FNR"),
            Map.entry(GroupMetric.POSITIVE_PREDICTIVE_VALUE, "PPV"), Map.entry(
                    GroupMetric.NEGATIVE_PREDICTIVE_VALUE, "NPV"),
            Map.entry(GroupMetric.AUC, "AUC"), Map.entry(
                    GroupMetric.BRIER_SCORE, "Brier score"),
            Map.entry(GroupMetric.OBSERVED_EXPECTED_RATIO, "Observed / expected"), Map.entry(GroupMetric.NET_BENEFIT,
                    "Net benefit")));

    private static final Map<DisparityMetric, String> DISPARITY_LABELS = new EnumMap<>(Map.of(
            DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, "Demographic parity difference",
            DisparityMetric.DEMOGRAPHIC_PARITY_RATIO, "Selection-rate ratio (four-fifths rule)",
            DisparityMetric.EQUAL_OPPORTUNITY_DIFFERENCE, "Equal opportunity difference",
            DisparityMetric.EQUALIZED_ODDS_DIFFERENCE, "Equalized odds difference",
            DisparityMetric.PREDICTIVE_PARITY_DIFFERENCE, "Predictive parity difference",
            DisparityMetric.CALIBRATION_DIFFERENCE, "Calibration difference (O/E)"));

    private ReportPdf() {
    }

    static void write(StoredBiasReport stored, FairnessStatus decision, Instant exportedAt, String exportedBy,
            OutputStream out) throws IOException {
        String title = "Bias report " + stored.id() + ": model version " + stored.modelVersion() + ", report version "
                + stored.reportVersion();
        try (PdfLayout pdf = new PdfLayout(title, "OncoCDS bias report " + stored.id() + " (" + stored.modelVersion()
                + "), exported " + exportedAt + " by " + exportedBy)) {
            pdf.heading(title, TITLE);
            pdf.paragraph(ModelBiasReports.CROSS_VALIDATION.equals(stored.source())
                    ? "Computed from the model version's out-of-fold cross-validation predictions."
                    : "Computed from an uploaded table of the model's predictions.", TEXT);
            pdf.heading("Model and inputs", SECTION);
            pdf.table(new float[]{170, pdf.width() - 170}, List.of("Item", "Value"), provenance(stored), TEXT);
            pdf.heading("Thresholds and settings", SECTION);
            pdf.table(new float[]{170, pdf.width() - 170}, List.of("Setting", "Value"), settings(stored.report()
                    .request()), TEXT);
            pdf.heading("Sign-off", SECTION);
            pdf.paragraph(signOff(decision), TEXT);
            pdf.heading("Verdict summary", SECTION);
            pdf.paragraph(summary(stored.verdictCounts()), TEXT);
            pdf.table(new float[]{200, 150, 60, 60, 60, 60, 80}, List.of("Grouping", "Reference group", "Groups",
                    "PASS", "WARN", "FAIL", "NOT ASSESSED"), summaryRows(stored.report()), TEXT);
            for (GroupingReport grouping : stored.report().groupings()) {
                grouping(pdf, grouping, stored.report().request().minimumGroupSize());
            }
            pdf.save(out);
        }
    }

    private static List<List<String>> provenance(StoredBiasReport stored) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Task", stored.taskId() == null ? "none (uploaded predictions)" : stored.taskId()));
        rows.add(List.of("Model version", stored.modelVersion()));
        rows.add(List.of("Model SHA-256", stored.modelSha256() == null
                ? "not known (uploaded predictions)"
                : stored
                        .modelSha256()));
        rows.add(List.of("Input SHA-256", stored.inputSha256() + (ModelBiasReports.CSV_UPLOAD.equals(stored.source())
                ? " (the uploaded file)"
                : " (the prediction rows)")));
        rows.add(List.of("Stored report SHA-256", stored.reportSha256() + " (its JSON document)"));
        rows.add(List.of("Rows", Long.toString(stored.report().rows())));
        rows.add(List.of("Report id and version", stored.id() + ", version " + stored.reportVersion()));
        rows.add(List.of("Stored", stored.storedAt() + " by " + stored.storedBy()));
        return rows;
    }

    private static List<List<String>> settings(BiasReportRequest request) {
        Tolerances t = request.tolerances();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Decision threshold", "a score at or above " + number(request.threshold())
                + " is a positive prediction"));
        rows.add(List.of("Minimum group size", request.minimumGroupSize() + " rows (smaller groups: insufficient "
                + "data, not compared)"));
        rows.add(List.of("Bootstrap", request.bootstrapReplicates() + " replicates, stratified by group, seed "
                + request.seed()));
        rows.add(List.of("Groupings", String.join("; ", request.groupings().stream().map(
                BiasReportRequest::groupingName).toList())));
        new TreeMap<>(request.bands()).forEach((attribute, cuts) -> rows.add(List.of("Bands of " + attribute,
                "cut points " + String.join(", ", cuts.stream().map(ReportPdf::plain).toList()))));
        new TreeMap<>(request.referenceGroups()).forEach((grouping, group) -> rows.add(List.of("Reference group of "
                + grouping, group)));
        rows.add(List.of("Tolerances", "demographic parity difference " + number(t.demographicParityDifference())
                + "; selection-rate ratio " + number(t.selectionRateRatio()) + " to " + number(1 / t
                        .selectionRateRatio())
                + "; equal opportunity difference " + number(t
                        .equalOpportunityDifference())
                + "; equalized odds difference " + number(t
                        .equalizedOddsDifference())
                + "; predictive parity difference " + number(t
                        .predictiveParityDifference())
                + "; calibration difference " + number(t.calibrationDifference())));
        return rows;
    }

    static String signOff(FairnessStatus decision) {
        if (decision.status() == ReviewStatus.NOT_REVIEWED) {
            return "Sign-off status: NOT REVIEWED. No compliance officer has approved or rejected this report.";
        }
        return "Sign-off status: " + decision.status() + " by " + decision.decidedBy() + " at " + decision
                .decidedAt() + ".\nComment: " + decision.comment();
    }

    private static String summary(Map<Verdict, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return total + " disparities: " + counts.get(Verdict.PASS) + " PASS, " + counts.get(Verdict.WARN) + " WARN, "
                + counts.get(Verdict.FAIL) + " FAIL, " + counts.get(Verdict.NOT_ASSESSED) + " NOT ASSESSED. FAIL: "
                + "the estimate and its whole 95% interval are beyond the tolerance; WARN: beyond it, but the interval "
                + "reaches back inside (could be noise).";
    }

    private static List<List<String>> summaryRows(BiasReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (GroupingReport grouping : report.groupings()) {
            Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
            grouping.disparities().forEach(d -> counts.merge(d.verdict(), 1L, Long::sum));
            rows.add(List.of(grouping.grouping(), text(grouping.referenceGroup()), Integer.toString(grouping.groups()
                    .size()), count(counts, Verdict.PASS), count(counts, Verdict.WARN), count(counts, Verdict.FAIL),
                    count(counts, Verdict.NOT_ASSESSED)));
        }
        return rows;
    }

    private static void grouping(PdfLayout pdf, GroupingReport grouping, int minimumGroupSize) throws IOException {
        pdf.heading("Grouping: " + grouping.grouping(), SECTION);
        pdf.paragraph("Reference group: " + text(grouping.referenceGroup()) + (grouping.referenceRule() == null
                ? ""
                : " (" + grouping.referenceRule() + ")") + ". Each cell: estimate, then its 95% interval. * fewer "
                + "than " + minimumGroupSize + " rows: insufficient data, no interval, not compared.", TEXT);
        List<String> header = new ArrayList<>(List.of("Group", "n"));
        GROUP_LABELS.values().forEach(header::add);
        float metricWidth = (pdf.width() - 120) / GROUP_LABELS.size();
        float[] widths = new float[header.size()];
        widths[0] = 86;
        widths[1] = 34;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = metricWidth;
        }
        List<List<String>> rows = new ArrayList<>();
        for (GroupReport group : grouping.groups()) {
            List<String> row = new ArrayList<>(List.of(group.group(), group.n() + (group.sufficientData() ? "" : "*")));
            GROUP_LABELS.keySet().forEach(metric -> row.add(estimate(group.metrics().get(metric))));
            rows.add(row);
        }
        pdf.table(widths, header, rows, TABLE);
        List<List<String>> disparities = new ArrayList<>();
        for (Disparity d : grouping.disparities()) {
            disparities.add(List.of(DISPARITY_LABELS.get(d.metric()), d.acrossAllGroups()
                    ? "across all groups"
                    : d.group() + " vs " + text(grouping.referenceGroup()), value(d.estimate()),
                    interval(d
                            .estimate()),
                    number(d.tolerance()), d.verdict().name(), text(d.reason())));
        }
        pdf.table(new float[]{130, 120, 50, 90, 50, 60, pdf.width() - 500}, List.of("Disparity", "Compared",
                "Estimate", "95% interval", "Tolerance", "Verdict", "Reason"), disparities, TABLE);
    }

    private static String estimate(Estimate estimate) {
        if (estimate == null) {
            return "";
        }
        return estimate.interval() == null ? value(estimate) : value(estimate) + "\n" + interval(estimate);
    }

    private static String value(Estimate estimate) {
        return estimate.value() == null ? "undefined" : number(estimate.value());
    }

    private static String interval(Estimate estimate) {
        Interval i = estimate.interval();
        return i == null ? "none" : number(i.lower()) + " to " + number(i.upper());
    }

    private static String count(Map<Verdict, Long> counts, Verdict verdict) {
        return Long.toString(counts.getOrDefault(verdict, 0L));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "none" : value;
    }
}
