package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The three exports of a stored report, each read back with an independent parser. */
class ReportExportsTest {

    private static final String MODEL_SHA = "a".repeat(64);
    private static final String INPUT_SHA = "0123456789abcdef".repeat(4);
    private static final Instant STORED_AT = Instant.parse("2026-11-25T06:30:00.123Z");
    private static final FairnessStatus APPROVED = new FairnessStatus("vendor/2", ReviewStatus.APPROVED, 7L, 2,
            "maria", Instant.parse("2026-11-25T07:00:00Z"), "Within tolerance; recheck the \"=1\" site, Zürich.");

    /**
     * 90 rows: sites "Zürich, Nord" (quotes a comma), "=HYPERLINK(1)" (a spreadsheet formula) and "Łódź" (outside
     * Western European fonts), 30 each; one extra site with 2 rows and no events (insufficient data, undefined TPR).
     */
    private static StoredBiasReport stored(String taskId, String modelSha256) {
        List<ScoredRow> rows = new ArrayList<>();
        String[] sites = {"Zürich, Nord", "=HYPERLINK(1)", "Łódź"};
        for (int i = 0; i < 90; i++) {
            double score = ((i * 37) % 100) / 100.0;
            rows.add(new ScoredRow(score > 0.6 || i % 7 == 0 ? 1 : 0, score, Map.of("site", sites[i % 3])));
        }
        rows.add(new ScoredRow(0, 0.2, Map.of("site", "small")));
        rows.add(new ScoredRow(0, 0.7, Map.of("site", "small")));
        BiasReport report = new BiasReports().report(BiasReportRequest.of("site").withBootstrap(100, 3), rows);
        return new StoredBiasReport(7, taskId, "vendor/2", modelSha256, 2, ModelBiasReports.CSV_UPLOAD, INPUT_SHA,
                "b".repeat(64), STORED_AT, "olga", report);
    }

    @Test
    void theCsvHasOneRowPerGroupAndMetricAndPerDisparityWithIntervalsAndVerdicts() throws Exception {
        StoredBiasReport stored = stored(null, null);
        StringWriter csv = new StringWriter();
        ReportCsv.write(stored, csv);

        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(csv.toString(), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            assertEquals(ReportCsv.HEADER, parser.getHeaderNames());
            records = parser.getRecords();
        }
        GroupingReport site = stored.report().groupings().get(0);
        assertEquals(4 * GroupMetric.values().length + site.disparities().size(), records.size());
        assertTrue(csv.toString().endsWith("\r\n"));

        CSVRecord zurichAuc = find(records, ReportCsv.GROUP_METRIC, "Zürich, Nord", "AUC");
        Estimate auc = group(site, "Zürich, Nord").metrics().get(GroupMetric.AUC);
        assertEquals("7", zurichAuc.get("report_id"));
        assertEquals("vendor/2", zurichAuc.get("model_version"));
        assertEquals("30", zurichAuc.get("n"));
        assertEquals("true", zurichAuc.get("sufficient_data"));
        assertEquals(auc.value(), Double.parseDouble(zurichAuc.get("value")));
        assertEquals(auc.interval().lower(), Double.parseDouble(zurichAuc.get("ci_lower")));
        assertEquals(auc.interval().upper(), Double.parseDouble(zurichAuc.get("ci_upper")));
        assertEquals("", zurichAuc.get("verdict"));

        // a value a spreadsheet would run as a formula is kept as text
        assertEquals("'=HYPERLINK(1)", find(records, ReportCsv.GROUP_METRIC, "'=HYPERLINK(1)", "BASE_RATE").get(
                "group"));
        CSVRecord smallTpr = find(records, ReportCsv.GROUP_METRIC, "small", "TRUE_POSITIVE_RATE");
        assertEquals("false", smallTpr.get("sufficient_data"));
        assertEquals("", smallTpr.get("value"));
        assertEquals("no observed events (label 1) in the group", smallTpr.get("reason"));

        Disparity across = site.disparities().stream().filter(d -> d.acrossAllGroups() && d
                .metric() == DisparityMetric.DEMOGRAPHIC_PARITY_RATIO).findFirst().orElseThrow();
        CSVRecord acrossRow = records.stream().filter(r -> r.get("record_type").equals(ReportCsv.DISPARITY) && r.get(
                "comparison").equals(ReportCsv.ACROSS_GROUPS) && r.get("metric").equals("DEMOGRAPHIC_PARITY_RATIO"))
                .findFirst().orElseThrow();
        assertEquals("", acrossRow.get("group"));
        assertEquals(across.verdict().name(), acrossRow.get("verdict"));
        assertEquals(across.estimate().interval().lower(), Double.parseDouble(acrossRow.get("ci_lower")));
        assertEquals("0.8", acrossRow.get("tolerance"));
        assertEquals(across.reason(), acrossRow.get("reason"));
        assertEquals(site.disparities().size(), records.stream().filter(r -> r.get("record_type").equals(
                ReportCsv.DISPARITY)).count());
    }

    @Test
    void theJsonCarriesProvenanceSignOffAndTheWholeReport() {
        StoredBiasReport stored = stored(null, null);
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(ReportJson.document(stored, APPROVED)))) {
            json = reader.readObject();
        }
        assertEquals(List.of("schema", "reportId", "taskId", "modelVersion", "modelSha256", "reportVersion", "source",
                "inputSha256", "reportSha256", "storedAt", "storedBy", "verdictCounts", "signOff", "request", "rows",
                "groupings"), List.copyOf(json.keySet()));
        assertEquals(ReportJson.SCHEMA, json.getString("schema"));
        assertEquals(7, json.getJsonNumber("reportId").longValueExact());
        assertEquals(JsonValue.NULL, json.get("taskId"));
        assertEquals(JsonValue.NULL, json.get("modelSha256"));
        assertEquals(INPUT_SHA, json.getString("inputSha256"));
        assertEquals("2026-11-25T06:30:00.123Z", json.getString("storedAt"));
        JsonObject signOff = json.getJsonObject("signOff");
        assertEquals("APPROVED", signOff.getString("status"));
        assertEquals("maria", signOff.getString("decidedBy"));
        assertEquals("2026-11-25T07:00:00Z", signOff.getString("decidedAt"));
        assertEquals(APPROVED.comment(), signOff.getString("comment"));
        stored.verdictCounts().forEach((verdict, count) -> assertEquals(count.longValue(), json.getJsonObject(
                "verdictCounts").getJsonNumber(verdict.name()).longValueExact()));
        // request, rows and groupings are the stored document: they read back as the same report
        String document = Json.createObjectBuilder().add("request", json.get("request")).add("rows", json.get("rows"))
                .add("groupings", json.get("groupings")).build().toString();
        assertEquals(stored.report(), ReportDocuments.report(document));

        JsonObject notReviewed = Json.createReader(new StringReader(ReportJson.document(stored, FairnessStatus
                .notReviewed("vendor/2")))).readObject().getJsonObject("signOff");
        assertEquals("NOT_REVIEWED", notReviewed.getString("status"));
        assertEquals(JsonValue.NULL, notReviewed.get("decidedBy"));
    }

    @Test
    void thePdfIsTextWithTheProvenanceThresholdsVerdictsTablesAndSignOff() throws Exception {
        StoredBiasReport stored = stored("colon-recurrence-5y", MODEL_SHA);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(stored, APPROVED, Instant.parse("2026-11-25T07:05:00Z"), "olga", pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Bias report 7: model version vendor/2, report version 2"), text);
            assertTrue(text.contains("Model SHA-256 " + MODEL_SHA), text);
            assertTrue(text.contains("Input SHA-256 " + INPUT_SHA + " (the uploaded file)"), text);
            assertTrue(text.contains("Stored report SHA-256 " + "b".repeat(64)), text);
            assertTrue(text.contains("Decision threshold a score at or above 0.500 is a positive prediction"), text);
            assertTrue(text.contains("Minimum group size 30 rows"), text);
            assertTrue(text.contains("100 replicates, stratified by group, seed 3"), text);
            assertTrue(text.contains("selection-rate ratio 0.800 to 1.250"), text);
            Map<Verdict, Long> counts = stored.verdictCounts();
            assertTrue(text.contains(stored.report().groupings().get(0).disparities().size() + " disparities: "
                    + counts.get(Verdict.PASS) + " PASS, " + counts.get(Verdict.WARN) + " WARN, " + counts.get(
                            Verdict.FAIL)
                    + " FAIL, " + counts.get(Verdict.NOT_ASSESSED) + " NOT ASSESSED"), text);
            assertTrue(text.contains("Sign-off status: APPROVED by maria at 2026-11-25T07:00:00Z"), text);
            assertTrue(text.contains("Grouping: site"), text);
            assertTrue(text.contains("Zürich, Nord"), text);
            assertTrue(text.contains("=HYPERLINK(1)"), text);
            assertTrue(text.contains("Łódź"), "Central European letters are shown as they are: " + text);
            assertTrue(text.contains("small 2*"), text);
            assertTrue(text.contains("Selection-rate ratio (four-fifths rule)"), text);
            Estimate auc = group(stored.report().groupings().get(0), "Zürich, Nord").metrics().get(GroupMetric.AUC);
            assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.3f to %.3f", auc.interval().lower(), auc
                    .interval().upper())), text);
            assertTrue(text.contains("exported 2026-11-25T07:05:00Z by olga - page 1"), text);
            assertEquals("Bias report 7: model version vendor/2, report version 2", document.getDocumentInformation()
                    .getTitle());
            for (PDPage page : document.getPages()) {
                assertFalse(page.getResources().getXObjectNames().iterator().hasNext(), "no images, only text");
                assertFalse(page.getResources().getCOSObject().containsKey(COSName.XOBJECT));
            }
        }
    }

    @Test
    void namesInAnyEuropeanOrGreekScriptAreShownAndOnlyCharactersWithoutAGlyphBecomeQuestionMarks() throws Exception {
        StoredBiasReport stored = stored("colon-recurrence-5y", MODEL_SHA);
        FairnessStatus decision = new FairnessStatus("vendor/2", ReviewStatus.REJECTED, 7L, 2, "Łukasz Öztürk",
                Instant.parse("2026-11-25T07:00:00Z"), "Ψ-Gruppe: Kalibrierung prüfen; Ærø, Ğ, Ş, Ř, Ж; 中 site.");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(stored, decision, Instant.parse("2026-11-25T07:05:00Z"), "Ørjan Ñúñez", pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Sign-off status: REJECTED by Łukasz Öztürk"), text);
            assertTrue(text.contains("Ψ-Gruppe: Kalibrierung prüfen; Ærø, Ğ, Ş, Ř, Ж; ? site."), text);
            assertTrue(text.contains("exported 2026-11-25T07:05:00Z by Ørjan Ñúñez - page 1"), text);
            assertTrue(text.contains("Łódź"), text);
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    assertTrue(page.getResources().getFont(name).isEmbedded(), "the font travels with the file");
                }
            }
        }
    }

    @Test
    void aLongReportFlowsOntoMorePagesWithTheTableHeaderRepeated() throws Exception {
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new ScoredRow(i % 3 == 0 ? 1 : 0, (i % 100) / 100.0, Map.of("code", "c" + (i % 60))));
        }
        BiasReport report = new BiasReports().report(BiasReportRequest.of("code").withBootstrap(0, 1), rows);
        StoredBiasReport stored = new StoredBiasReport(1, "t", "t/1", MODEL_SHA, 1, ModelBiasReports.CROSS_VALIDATION,
                INPUT_SHA, MODEL_SHA, STORED_AT, "olga", report);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(stored, FairnessStatus.notReviewed("t/1"), STORED_AT, "olga", pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertTrue(document.getNumberOfPages() > 5, "pages: " + document.getNumberOfPages());
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            lastPage.setEndPage(document.getNumberOfPages());
            String last = lastPage.getText(document);
            assertTrue(last.contains("Disparity") && last.contains("Verdict"), last);
            assertTrue(new PDFTextStripper().getText(document).replaceAll("\\s+", " ").contains(
                    "Sign-off status: NOT REVIEWED."));
        }
    }

    private static GroupReport group(GroupingReport grouping, String name) {
        return grouping.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
    }

    private static CSVRecord find(List<CSVRecord> records, String type, String group, String metric) {
        return records.stream().filter(r -> r.get("record_type").equals(type) && r.get("group").equals(group) && r
                .get("metric").equals(metric)).findFirst().orElseThrow(() -> new AssertionError(type + " " + group
                        + " " + metric));
    }
}
