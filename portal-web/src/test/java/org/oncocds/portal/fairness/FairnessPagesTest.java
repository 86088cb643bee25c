package org.oncocds.portal.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oncocds.fairness.boundary.BiasReport;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.BiasReports;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.ReviewStatus;
import org.oncocds.fairness.boundary.ScoredRow;
import org.oncocds.fairness.boundary.SignOffRefusedException;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/** The compliance officer's fairness pages over a report the real metrics engine computed. */
class FairnessPagesTest {

    private static final String VERSION = "colon-recurrence-5y/2";
    private static final Instant AT = Instant.parse("2026-11-25T06:30:00Z");

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context);
    private final HttpSession session = WebFakes.session();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final Map<Long, FairnessStatus> decisions = new HashMap<>();
    private final List<String> decided = new ArrayList<>();
    private final StoredBiasReport stored = new StoredBiasReport(7, ColonTask.ID, VERSION, "c".repeat(64), 1,
            ModelBiasReports.CROSS_VALIDATION, "a".repeat(64), "b".repeat(64), AT, "compliance", report());

    @Test
    void theReportShowsGroupTablesChartsDisparitiesAndTheDecisionForm() throws Exception {
        reportPage().doGet(get("/fairness/report", Map.of("id", "7")), response);

        String html = body.toString();
        assertEquals(200, status[0]);
        assertTrue(html.contains("<main id=\"fairness-report\" data-report-id=\"7\">"), html);
        assertTrue(html.contains("data-grouping=\"sex\""), html);
        assertTrue(html.contains("<tr data-group=\"F\">"), html);
        assertTrue(html.contains("<tr class=\"insufficient\" data-group=\"X\">") || html.contains(
                "data-group=\"X\" class=\"insufficient\""), "a small group is kept and marked: " + html);
        assertEquals(2, count(html, "<svg class=\"rate-chart\""), "selection rate and TPR per grouping");
        assertEquals(1, count(html, "<svg class=\"disparity-chart\""));
        assertTrue(html.contains("class=\"whisker\""), "intervals are drawn as whiskers");
        assertTrue(html.contains("data-metric=\"DEMOGRAPHIC_PARITY_DIFFERENCE\""), html);
        assertTrue(html.contains("id=\"fairness-decision-form\""), html);
        assertTrue(html.contains("href=\"/fairness/export?id=7&amp;format=pdf\""), html);
        assertFalse(html.contains("<script"), "no JavaScript");
        assertFalse(html.contains("??"), "every text has its message: " + html);
    }

    @Test
    void aDecidedReportShowsTheDecisionInsteadOfTheForm() throws Exception {
        decisions.put(7L, new FairnessStatus(VERSION, ReviewStatus.APPROVED, 7L, 1, "compliance", AT,
                "no disparity <beyond> tolerance"));

        reportPage().doGet(get("/fairness/report", Map.of("id", "7")), response);

        String html = body.toString();
        assertFalse(html.contains("fairness-decision-form"), html);
        assertEquals("Approved", textOf(html, "decision-outcome"));
        assertEquals("no disparity &lt;beyond&gt; tolerance", textOf(html, "decision-comment"));
    }

    @Test
    void aMissingCommentIsRefusedNamingItAndAnApprovalRedirectsToTheReport() throws Exception {
        decision().doPost(post("/fairness/decision", Map.of("id", "7", "decision", "REJECTED", "comment", " ")),
                response);
        assertEquals(400, status[0]);
        assertEquals("Not recorded: comment: a written comment is required", textOf(body.toString(),
                "error-comment"));
        assertEquals(List.of(), decided, "nothing was recorded");

        int[] approved = new int[1];
        HttpServletResponse approval = WebFakes.response(new StringWriter(), approved);
        decision().doPost(post("/fairness/decision", Map.of("id", "7", "decision", "APPROVED", "comment",
                "checked")), approval);
        assertEquals(302, approved[0]);
        assertEquals("/fairness/report?id=7#review", approval.getHeader("Location"));
        assertEquals(List.of("APPROVED 7 checked"), decided);

        int[] unknown = new int[1];
        decision().doPost(post("/fairness/decision", Map.of("id", "99", "decision", "APPROVED", "comment", "x")),
                WebFakes.response(new StringWriter(), unknown));
        assertEquals(404, unknown[0]);
    }

    @Test
    void theListShowsEachVersionsStateReviewAndReports() throws Exception {
        decisions.put(7L, new FairnessStatus(VERSION, ReviewStatus.REJECTED, 7L, 1, "compliance", AT, "no"));

        list().doGet(get("/fairness", Map.of()), response);

        String html = body.toString();
        assertTrue(Pattern.compile("data-model-version=\"colon-recurrence-5y/2\"\\s+data-status=\"REJECTED\"")
                .matcher(html).find(), html);
        assertTrue(html.contains("<td>VALIDATED</td>"), html);
        assertTrue(Pattern.compile("data-report-id=\"7\"\\s+data-decision=\"REJECTED\"").matcher(html).find(),
                html);
        assertTrue(html.contains("action=\"/fairness/reports?modelVersion=colon-recurrence-5y/2\""), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void theUploadFormNamesEveryMissingField() throws Exception {
        FairnessUploadServlet upload = new FairnessUploadServlet();
        upload.pages = pages;
        upload.reports = reports();

        upload.doPost(post("/fairness/upload", Map.of("attributes", "sex", "threshold", "2")), response);

        String html = body.toString();
        assertEquals(400, status[0]);
        assertTrue(textOf(html, "error-modelVersion").startsWith("Name the model version"), html);
        assertTrue(textOf(html, "error-file").startsWith("Choose a CSV file"), html);
        assertTrue(textOf(html, "error-label").startsWith("Refused: "), html);
        assertTrue(html.contains("value=\"sex\""), "the form keeps what was typed");
        assertFalse(html.contains("??"), html);
    }

    @Test
    void refusalsOfTheTableBelongToTheFileField() {
        assertEquals("file", FairnessUploadServlet.formField("outcome"));
        assertEquals("bands", FairnessUploadServlet.formField("bands.age"));
        assertEquals("threshold", FairnessUploadServlet.formField("threshold"));
        assertEquals("file", FairnessUploadServlet.formField("tolerances.selectionRateRatio"));
    }

    private FairnessReportServlet reportPage() {
        FairnessReportServlet servlet = new FairnessReportServlet();
        servlet.pages = pages;
        servlet.reports = reports();
        servlet.signOff = signOff();
        return servlet;
    }

    private FairnessDecisionServlet decision() {
        FairnessDecisionServlet servlet = new FairnessDecisionServlet();
        servlet.pages = pages;
        servlet.reports = reports();
        servlet.signOff = signOff();
        return servlet;
    }

    private FairnessServlet list() {
        FairnessServlet servlet = new FairnessServlet();
        servlet.pages = pages;
        servlet.reports = reports();
        servlet.signOff = signOff();
        servlet.tasks = new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK);
            }
        };
        servlet.modelVersions = new ModelVersions() {
            @Override
            public List<ModelVersionSummary> ofTask(String taskId) {
                return List.of(new ModelVersionSummary(VERSION, ColonTask.ID, "Logistic", "", LifecycleState.VALIDATED,
                        "c", "d", "3.8.6", "admin", AT, 0.7, 0.2, 0.6, 0.0, 1.0, 800, "e", null, null, null, "admin",
                        AT, null));
            }
        };
        return servlet;
    }

    private ModelBiasReports reports() {
        return new ModelBiasReports() {
            @Override
            public Optional<StoredBiasReport> stored(long reportId) {
                return reportId == 7 ? Optional.of(stored) : Optional.empty();
            }

            @Override
            public List<StoredBiasReport> storedFor(String modelVersion) {
                return VERSION.equals(modelVersion) ? List.of(stored) : List.of();
            }
        };
    }

    private FairnessSignOff signOff() {
        return new FairnessSignOff() {
            @Override
            public FairnessStatus decisionOn(long reportId) {
                return decisions.getOrDefault(reportId, new FairnessStatus(VERSION, ReviewStatus.NOT_REVIEWED, null,
                        null, null, null, null));
            }

            @Override
            public FairnessStatus statusOf(String modelVersion) {
                return decisionOn(7);
            }

            @Override
            public FairnessStatus approve(long reportId, String comment) {
                return decide(ReviewStatus.APPROVED, reportId, comment);
            }

            @Override
            public FairnessStatus reject(long reportId, String comment) {
                return decide(ReviewStatus.REJECTED, reportId, comment);
            }

            private FairnessStatus decide(ReviewStatus decision, long reportId, String comment) {
                if (comment == null || comment.isBlank()) {
                    throw new SignOffRefusedException("comment", "a written comment is required");
                }
                decided.add(decision + " " + reportId + " " + comment);
                FairnessStatus status = new FairnessStatus(VERSION, decision, reportId, 1, "compliance", AT, comment);
                decisions.put(reportId, status);
                return status;
            }
        };
    }

    /** 100 women, 80 men and 5 of sex X (too few to compare), scores loosely following the label. */
    static BiasReport report() {
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 185; i++) {
            String sex = i < 100 ? "F" : i < 180 ? "M" : "X";
            int label = i % 3 == 0 ? 1 : 0;
            double score = label == 1 ? 0.55 + (i % 5) * 0.08 : 0.15 + (i % 7) * 0.08;
            rows.add(new ScoredRow(label, score, Map.of("sex", sex)));
        }
        return new BiasReports().report(BiasReportRequest.of("sex").withBootstrap(50, 1), rows);
    }

    private HttpServletRequest get(String path, Map<String, String> parameters) {
        return WebFakes.request(context, "GET", path, parameters, "compliance", Set.of("compliance-officer"),
                session);
    }

    private HttpServletRequest post(String path, Map<String, String> parameters) {
        return WebFakes.request(context, "POST", path, parameters, "compliance", Set.of("compliance-officer"),
                session);
    }

    private static int count(String html, String part) {
        return html.split(Pattern.quote(part), -1).length - 1;
    }

    static String textOf(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no element #" + id + " in " + html);
        }
        return matcher.group(1).trim();
    }
}
