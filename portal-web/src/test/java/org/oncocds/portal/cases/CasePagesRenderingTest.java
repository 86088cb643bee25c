package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.RecordedDecision;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InputValue;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.Problem;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** Renders the case pages with the real templates and texts, as a clinician would get them. */
class CasePagesRenderingTest {

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context);

    @Test
    void theFormHasTheContractsIdsAndOneInputPerFeature() throws IOException {
        String html = render(CaseFormPage.VIEW, CaseFormPage.model(ColonTask.TASK, CaseForm.blank(ColonTask.TASK),
                List.of()));

        assertTrue(html.contains("<form id=\"case-form\""), html);
        assertTrue(html.contains("id=\"predict\""));
        for (String input : List.of("mrn", "sex", "age", "obstruct", "perfor", "adhere", "surg", "nodes", "differ",
                "extent", "referenceOption")) {
            assertTrue(tag(html, input).contains("name=\"" + input + "\""), input);
        }
        String age = tag(html, "age");
        for (String attribute : List.of("type=\"number\"", "min=\"18\"", "max=\"100\"", "step=\"1\"")) {
            assertTrue(age.contains(attribute), attribute + " in " + age);
        }
        assertTrue(html.contains("<option value=\"1\">well differentiated</option>"), html);
        assertTrue(html.contains("<option value=\"Obs\" selected=\"selected\">Observation (no adjuvant therapy)"),
                html);
        assertTrue(html.contains("name=\"_csrf\" value=\""), "the form carries the CSRF token");
        assertFalse(html.contains("id=\"error-"), "a fresh form shows no errors");
        assertFalse(html.contains("??"), "every text has a message: " + html);
    }

    @Test
    void aRefusedFormIsShownAgainAsTypedWithOneExplanationPerField() throws IOException {
        CaseForm typed = new CaseForm(ColonTask.ID, "MRN-77", Map.of("age", "-3", "nodes", "many"), "Surgery");
        List<FieldError> errors = List.of(new FieldError("age", Problem.BELOW_MINIMUM, "18", "age must be >= 18"),
                new FieldError("nodes", Problem.NOT_A_WHOLE_NUMBER, "", "nodes is not a whole number"),
                new FieldError("referenceOption", Problem.UNKNOWN_CATEGORY, "Obs, Lev, Lev+5FU", "unknown"),
                new FieldError("sex", Problem.REQUIRED, "", "sex is required"));

        String html = render(CaseFormPage.VIEW, CaseFormPage.model(ColonTask.TASK, typed, errors));

        assertEquals("Age (years): the value must be at least 18.", textOf(html, "error-age"));
        assertEquals("Lymph nodes with detectable cancer (count): enter a whole number.", textOf(html,
                "error-nodes"));
        assertEquals("Compare the options against: the value is not one of the allowed values (Obs, Lev, Lev+5FU).",
                textOf(html, "error-referenceOption"));
        assertEquals("Sex: a value is required.", textOf(html, "error-sex"));
        assertEquals(4, count(html, "id=\"error-"));
        assertTrue(tag(html, "age").contains("value=\"-3\""), "typed values are kept");
        assertTrue(tag(html, "nodes").contains("value=\"many\""));
        assertTrue(tag(html, "mrn").contains("value=\"MRN-77\""));
        assertTrue(tag(html, "age").contains("aria-describedby=\"error-age\""));
    }

    @Test
    void typedTextIsEscaped() throws IOException {
        CaseForm typed = new CaseForm(ColonTask.ID, "\"><script>alert(1)</script>", Map.of(), "Obs");

        String html = render(CaseFormPage.VIEW, CaseFormPage.model(ColonTask.TASK, typed, List.of()));

        assertFalse(html.contains("<script>alert(1)"), html);
        assertTrue(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void theResultShowsEveryOptionSideBySideWithItsProvenance() throws IOException {
        TreatmentComparison comparison = new TreatmentComparison(ColonTask.ID, ColonTask.TASK.activeModel(), "Obs",
                List.of(new OptionRisk("Obs", 0.4, 0), new OptionRisk("Lev", 0.38, 0.02), new OptionRisk("Lev+5FU",
                        0.3, 0.1)),
                "pseudo-abc", 42, Instant.parse("2026-11-25T04:00:00Z"), List.of(new InputValue("age", "63", false),
                        new InputValue("differ", "2", true)));

        String html = render(CaseResultServlet.VIEW, ResultPage.model(CaseResult.of(ColonTask.TASK, comparison),
                Optional.empty()));

        assertTrue(html.contains("<table id=\"risks\">"));
        assertTrue(html.contains("<tr data-option=\"Lev+5FU\">"), html);
        assertTrue(html.contains("<td class=\"risk\">30.0 %</td>"), html);
        assertTrue(html.contains("<td class=\"benefit\">+10.0 percentage points</td>"), html);
        assertTrue(html.contains("<td class=\"benefit\">reference</td>"), html);
        assertEquals("colon-recurrence-5y/1", textOf(html, "model-version"));
        assertEquals("ab12", textOf(html, "model-hash"));
        assertEquals("42", textOf(html, "audit-record-id"));
        assertEquals("pseudo-abc", textOf(html, "patient-pseudonym"));
        assertTrue(html.contains("id=\"clinician-decides\""));
        assertTrue(html.contains("<td>moderately differentiated</td>"), "codes are shown by their labels: " + html);
        assertTrue(html.contains("<tr data-feature=\"differ\" class=\"imputed\">"), html);
        assertFalse(html.contains("confounding-warning"), "the colon trial was randomised");
        assertFalse(html.contains("observational-notice"), "the colon trial was randomised");
        assertTrue(html.contains("<td class=\"risk-interval\">not computed</td>"), "no interval, no invented one");
        assertFalse(html.contains("id=\"drivers\""), "no drivers, no empty table");
        assertFalse(html.contains("??"), html);
    }

    @Test
    void eachRiskAndBenefitComesWithItsIntervalAndTheirMeaningIsExplained() throws IOException {
        String html = render(ResultPage.VIEW, ResultPage.model(Comparisons.colonResult(), Optional.empty()));

        String best = row(html, "tr data-option=\"Lev+5FU\"");
        assertTrue(best.contains("<td class=\"risk\">30.0 %</td>"), best);
        assertTrue(best.contains("<td class=\"risk-interval\">25.1 to 35.2 %</td>"), best);
        assertTrue(best.contains("<td class=\"benefit\">+10.0 percentage points</td>"), best);
        assertTrue(best.contains("<td class=\"benefit-interval\">+6.0 to +14.0 percentage points</td>"), best);
        String lev = row(html, "tr data-option=\"Lev\"");
        assertTrue(lev.contains("-1.0 to +5.1 percentage points"), "an interval crossing zero keeps its signs: " + lev);
        String reference = row(html, "tr data-option=\"Obs\"");
        assertTrue(reference.contains("<td class=\"benefit-interval\">reference</td>"), reference);
        assertTrue(textOf(html, "interval-explained").contains("not the range of this patient"), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void theDriversTableShowsEachFeaturesValueReferenceAndSignedChange() throws IOException {
        String html = render(ResultPage.VIEW, ResultPage.model(Comparisons.colonResult(), Optional.empty()));

        assertTrue(html.contains("<table id=\"drivers\">"), html);
        String nodes = row(html, "tr data-feature=\"nodes\" class=\"raises\"");
        assertTrue(nodes.contains("Lymph nodes with detectable cancer (count)"), nodes);
        assertTrue(nodes.contains("<td class=\"value\">7</td>"), nodes);
        assertTrue(nodes.contains("<td class=\"reference-value\">3.66</td>"), "numbers are readable: " + nodes);
        assertTrue(nodes.contains("<td class=\"risk-change\">+8.1 percentage points</td>"), nodes);
        String age = row(html, "tr data-feature=\"age\" class=\"lowers\"");
        assertTrue(age.contains("-1.2 percentage points"), "a lowering value has its minus sign: " + age);
        String sex = row(html, "tr data-feature=\"sex\" class=\"none\"");
        assertTrue(sex.contains("<td class=\"risk-change\">0.0 percentage points</td>"), "no sign on nothing: " + sex);
        String differ = row(html, "tr data-feature=\"differ\" class=\"raises\"");
        assertTrue(differ.contains("<td class=\"value\">poorly differentiated</td>"), differ);
        assertTrue(differ.contains("<td class=\"reference-value\">moderately differentiated</td>"), differ);
        String drivers = html.substring(html.indexOf("<table id=\"drivers\">"));
        assertTrue(
                drivers.indexOf("\"nodes\"") < drivers.indexOf("\"differ\"")
                        && drivers.indexOf("\"differ\"") < drivers.indexOf("\"age\""),
                "in the prediction module's order, largest change first");
        String explained = textOf(html, "drivers-explained");
        assertTrue(explained.contains("Observation (no adjuvant therapy)") && explained.contains("not a causal"),
                explained);
    }

    @Test
    void observationalDataGetsAProminentNoticeAboutConfounding() throws IOException {
        TaskDescription observational = new TaskDescription(ColonTask.ID, "recurrence", "registry.csv", "rx",
                ColonTask.TASK.treatmentOptions(), "Obs", false, ColonTask.TASK.features(), ColonTask.TASK
                        .activeModel());

        String html = render(ResultPage.VIEW, ResultPage.model(CaseResult.of(observational, Comparisons.colon()),
                Optional.empty()));

        assertTrue(html.contains("<section class=\"notice\" id=\"observational-notice\""), html);
        assertTrue(html.indexOf("observational-notice") < html.indexOf("<table id=\"risks\">"),
                "the notice comes before the figures");
        assertTrue(html.contains("confounded by indication"), html);
        assertTrue(html.contains("id=\"confounding-warning\""), "the earlier id stays");
    }

    @Test
    void withoutADecisionTheResultOffersTheDecisionForm() throws IOException {
        String html = render(ResultPage.VIEW, ResultPage.model(Comparisons.colonResult(), Optional.empty()));

        assertTrue(tag(html, "decision-form").contains("action=\"/cases/decision?record=42\""), html);
        assertTrue(tag(html, "decision-form").contains("method=\"post\""));
        assertTrue(tag(html, "accept").contains("name=\"decision\" value=\"ACCEPTED\""));
        assertTrue(tag(html, "override").contains("name=\"decision\" value=\"OVERRIDDEN\""));
        assertEquals("Accept: follow Levamisole + 5-fluorouracil", textOf(html, "accept"));
        assertTrue(tag(html, "chosenOption").startsWith("<select"));
        assertTrue(tag(html, "reason").startsWith("<textarea") && tag(html, "reason").contains("maxlength=\"2000\""));
        for (String option : List.of("Obs", "Lev", "Lev+5FU")) {
            assertTrue(html.contains("<option value=\"" + option + "\""), option);
        }
        String form = html.substring(html.indexOf("<form id=\"decision-form\""));
        assertTrue(form.substring(0, form.indexOf("</form>")).contains("name=\"_csrf\""), "the form carries CSRF");
        assertTrue(textOf(html, "clinician-decides").contains("the AI informs, the clinician decides"), html);
        assertTrue(textOf(html, "reason-hint").contains("do not type the MRN"));
        assertFalse(html.contains("id=\"decision\""), "nothing is decided yet");
        assertFalse(html.contains("id=\"error-"), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void aRecordedDecisionIsShownInsteadOfTheForm() throws IOException {
        RecordedDecision recorded = new RecordedDecision(43, 42, Instant.parse("2026-11-25T05:00:00Z"), "clinician",
                Decision.OVERRIDDEN, "Obs", "Patient declines <chemotherapy> & its side effects");

        String html = render(ResultPage.VIEW, ResultPage.model(Comparisons.colonResult(), Optional.of(recorded)));

        assertTrue(tag(html, "decision").contains("data-decision=\"OVERRIDDEN\""), html);
        assertEquals("Overridden", textOf(html, "decision-outcome"));
        assertEquals("Observation (no adjuvant therapy)", textOf(html, "decision-option"));
        assertEquals("Patient declines &lt;chemotherapy&gt; &amp; its side effects", textOf(html, "decision-reason"));
        assertEquals("2026-11-25T05:00:00Z", textOf(html, "decision-time"));
        assertFalse(html.contains("decision-form"), "one decision per recommendation: no second form");
        assertFalse(html.contains("??"), html);
    }

    @Test
    void anAcceptanceNamesTheOptionItFollows() throws IOException {
        RecordedDecision recorded = new RecordedDecision(43, 42, Instant.parse("2026-11-25T05:00:00Z"), "clinician",
                Decision.ACCEPTED, null, null);

        String html = render(ResultPage.VIEW, ResultPage.model(Comparisons.colonResult(), Optional.of(recorded)));

        assertEquals("Accepted", textOf(html, "decision-outcome"));
        assertEquals("Levamisole + 5-fluorouracil", textOf(html, "decision-option"));
        assertEquals("none given", textOf(html, "decision-reason"));
    }

    @Test
    void aRefusedDecisionComesBackAsTypedWithTheReasonAtItsField() throws IOException {
        DecisionForm typed = new DecisionForm("OVERRIDDEN", "Lev", "");

        String html = render(ResultPage.VIEW, ResultPage.model(Comparisons.colonResult(), Optional.empty(), typed,
                DecisionProblem.of("reason", "decision.problem.reasonRequired")));

        assertEquals("Reason: say why you chose another option. Nothing was recorded.", textOf(html, "error-reason"));
        assertTrue(tag(html, "reason").contains("aria-invalid=\"true\""));
        assertTrue(html.replaceAll("\\s+", " ").contains("<option value=\"Lev\" selected=\"selected\">Levamisole"),
                "the chosen option stays selected: " + html);
        assertEquals(1, count(html, "id=\"error-"));
    }

    private static String row(String html, String opening) {
        int start = html.indexOf("<" + opening + ">");
        if (start < 0) {
            throw new AssertionError("no <" + opening + "> in " + html);
        }
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private String render(String view, Map<String, Object> model) throws IOException {
        StringWriter body = new StringWriter();
        HttpServletRequest request = WebFakes.request(context, "GET", "/cases/new", Map.of(), "clinician", Set.of(
                "clinician"), null);
        pages.render(request, WebFakes.response(body, new int[1]), view, model);
        return body.toString();
    }

    static String textOf(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no element #" + id + " in " + html);
        }
        return matcher.group(1).trim();
    }

    /** The opening tag of the element with this id. */
    static String tag(String html, String id) {
        Matcher matcher = Pattern.compile("<[a-z]+\\s[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no element #" + id + " in " + html);
        }
        return matcher.group();
    }

    private static int count(String html, String fragment) {
        return html.split(Pattern.quote(fragment), -1).length - 1;
    }
}
