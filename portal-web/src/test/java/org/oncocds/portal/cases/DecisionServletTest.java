package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.DecisionRefusedException;
import org.oncocds.audit.boundary.RecordedDecision;
import org.oncocds.portal.FakeAuditTrail;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.errors.ErrorPages;
import org.oncocds.portal.pages.Pages;

/** The clinician's decision: what reaches the audit trail, and what the clinician sees when it is refused. */
class DecisionServletTest {

    private final ServletContext context = WebFakes.servletContext();
    private final HttpSession session = WebFakes.session();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final FakeAuditTrail auditTrail = new FakeAuditTrail();
    private final DecisionServlet servlet = new DecisionServlet();

    @BeforeEach
    void aResultIsInTheSession() {
        RecentResults.keep(session, Comparisons.colonResult());
        servlet.auditTrail = auditTrail;
        servlet.pages = new Pages(context);
    }

    @Test
    void anAcceptanceIsRecordedWithoutAnOptionAndRedirectsToTheResult() throws Exception {
        servlet.doPost(post(Map.of("decision", "ACCEPTED", "chosenOption", "", "reason", "  ")), response);

        assertEquals(302, status[0]);
        assertEquals("/cases/result?record=42", response.getHeader("Location"));
        DecisionEvent event = auditTrail.decided.get(0);
        assertEquals(Decision.ACCEPTED, event.decision());
        assertEquals(42, event.recommendationRecordId());
        assertNull(event.chosenOption(), "an acceptance names no option");
        assertNull(event.reason(), "a blank note is no note");
        assertFalse(event.requestId().isBlank());
    }

    @Test
    void anOverrideCarriesTheChosenOptionAndTheReason() throws Exception {
        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "chosenOption", "Obs", "reason",
                " Patient declines chemotherapy ")), response);

        assertEquals(302, status[0]);
        DecisionEvent event = auditTrail.decided.get(0);
        assertEquals(Decision.OVERRIDDEN, event.decision());
        assertEquals("Obs", event.chosenOption());
        assertEquals("Patient declines chemotherapy", event.reason());
    }

    @Test
    void theAuditTrailsRefusalOfAMissingReasonIsShownAtTheReasonField() throws Exception {
        auditTrail.refusal = new DecisionRefusedException("reason", "is required");

        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "chosenOption", "Lev")), response);

        assertEquals(400, status[0]);
        String html = body.toString();
        assertEquals("Reason: say why you chose another option. Nothing was recorded.", CasePagesRenderingTest
                .textOf(html, "error-reason"));
        assertTrue(html.contains("id=\"decision-form\""), "the form comes back");
        assertTrue(html.contains("<table id=\"risks\">"), "with the result it decides on");
        assertNull(response.getHeader("Location"));
    }

    @Test
    void anOptionWithAnAcceptanceIsRefusedAtTheOptionField() throws Exception {
        auditTrail.refusal = new DecisionRefusedException("chosenOption", "must be empty when accepted");

        servlet.doPost(post(Map.of("decision", "ACCEPTED", "chosenOption", "Lev", "reason", "my note")), response);

        assertEquals(400, status[0]);
        assertTrue(CasePagesRenderingTest.textOf(body.toString(), "error-chosenOption").startsWith(
                "Option chosen instead: leave it at"));
        assertTrue(body.toString().contains(">my note</textarea>"), "the typed note is kept: " + body);
    }

    @Test
    void anOverrideWithoutAnOptionIsRefusedAtTheOptionField() throws Exception {
        auditTrail.refusal = new DecisionRefusedException("chosenOption", "is required");

        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "reason", "toxicity")), response);

        assertEquals(400, status[0]);
        assertTrue(CasePagesRenderingTest.textOf(body.toString(), "error-chosenOption").contains(
                "choose the option you decided on"));
    }

    @Test
    void aSecondDecisionIsRefusedAndTheRecordedOneIsShown() throws Exception {
        auditTrail.decisions.put(42L, new RecordedDecision(50, 42, Instant.parse("2026-11-25T05:00:00Z"),
                "clinician", Decision.ACCEPTED, null, null));
        auditTrail.refusal = new DecisionRefusedException("recommendationRecordId", "already has a decision");

        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "chosenOption", "Obs", "reason", "changed my mind")),
                response);

        assertEquals(400, status[0]);
        String html = body.toString();
        assertTrue(CasePagesRenderingTest.textOf(html, "error-decision").startsWith(
                "A decision on this recommendation is already recorded"), html);
        assertEquals("Accepted", CasePagesRenderingTest.textOf(html, "decision-outcome"));
        assertFalse(html.contains("decision-form"));
    }

    @Test
    void theDecisionOfAnotherUsersRecommendationIsRefused() throws Exception {
        auditTrail.refusal = new DecisionRefusedException("recommendationRecordId", "another user");

        servlet.doPost(post(Map.of("decision", "ACCEPTED")), response);

        assertEquals(400, status[0]);
        assertTrue(CasePagesRenderingTest.textOf(body.toString(), "error-decision").startsWith(
                "Only the clinician who asked"));
    }

    @Test
    void withoutAButtonNothingIsRecorded() throws Exception {
        servlet.doPost(post(Map.of("decision", "MAYBE", "reason", "x")), response);

        assertEquals(400, status[0]);
        assertEquals("Decision: press Accept or Override. Nothing was recorded.", CasePagesRenderingTest.textOf(body
                .toString(), "error-decision"));
        assertTrue(auditTrail.decided.isEmpty());
    }

    @Test
    void anOverrideToAnOptionTheTaskDoesNotHaveIsRefusedBeforeTheAuditTrail() throws Exception {
        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "chosenOption", "Surgery", "reason", "x")), response);

        assertEquals(400, status[0]);
        assertTrue(CasePagesRenderingTest.textOf(body.toString(), "error-chosenOption").contains(
                "choose one of the options shown"));
        assertTrue(auditTrail.decided.isEmpty());
    }

    @Test
    void anOverrideToTheOptionAnAcceptanceFollowsIsRefused() throws Exception {
        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "chosenOption", "Lev+5FU", "reason", "x")), response);

        assertEquals(400, status[0]);
        assertTrue(CasePagesRenderingTest.textOf(body.toString(), "error-chosenOption").contains("press Accept"));
        assertTrue(auditTrail.decided.isEmpty());
    }

    @Test
    void aResultThatIsNotInThisSessionIsNotFound() throws Exception {
        Map<String, String> parameters = new HashMap<>(Map.of("record", "7", "decision", "ACCEPTED"));

        servlet.doPost(WebFakes.request(context, "POST", DecisionServlet.PATH, parameters, "clinician", Set.of(
                "clinician"), session), response);

        assertEquals(404, status[0]);
        assertTrue(auditTrail.decided.isEmpty());
    }

    @Test
    void aFailedAuditWriteSaysTheDecisionWasNotRecorded() throws Exception {
        auditTrail.refusal = new EJBException("database down");
        HttpServletRequest request = post(Map.of("decision", "ACCEPTED"));

        servlet.doPost(request, response);

        assertEquals(500, status[0]);
        assertEquals(ErrorPages.DECISION_FAILED, request.getAttribute(ErrorPages.REASON_ATTRIBUTE));
        assertNull(response.getHeader("Location"));
    }

    @Test
    void theResultPageShowsTheDecisionTheAuditTrailHolds() throws Exception {
        servlet.doPost(post(Map.of("decision", "OVERRIDDEN", "chosenOption", "Obs", "reason", "frail")), response);
        CaseResultServlet result = new CaseResultServlet();
        result.auditTrail = auditTrail;
        result.pages = servlet.pages;
        result.signOff = new org.oncocds.fairness.boundary.FairnessSignOff() {
            @Override
            public org.oncocds.fairness.boundary.FairnessStatus statusOf(String modelVersion) {
                return new org.oncocds.fairness.boundary.FairnessStatus(modelVersion,
                        org.oncocds.fairness.boundary.ReviewStatus.APPROVED, 3L, 1, "compliance", java.time.Instant
                                .parse("2026-11-25T05:00:00Z"),
                        "fine");
            }
        };
        StringWriter page = new StringWriter();

        result.doGet(WebFakes.request(context, "GET", CaseResultServlet.PATH, Map.of("record", "42"), "clinician",
                Set.of("clinician"), session), WebFakes.response(page, new int[1]));

        String html = page.toString();
        assertEquals("Overridden", CasePagesRenderingTest.textOf(html, "decision-outcome"));
        assertEquals("Observation (no adjuvant therapy)", CasePagesRenderingTest.textOf(html, "decision-option"));
        assertEquals("frail", CasePagesRenderingTest.textOf(html, "decision-reason"));
        assertTrue(html.contains("id=\"fairness-status\" data-status=\"APPROVED\""), "the clinician sees the model's "
                + "fairness review: " + html);
        assertFalse(html.contains("decision-form"), "one decision only");
    }

    private HttpServletRequest post(Map<String, String> fields) {
        Map<String, String> parameters = new HashMap<>(fields);
        parameters.put("record", "42");
        return WebFakes.request(context, "POST", DecisionServlet.PATH, parameters, "clinician", Set.of("clinician"),
                session);
    }
}
