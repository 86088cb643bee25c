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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.errors.ErrorPages;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.NoActiveModelException;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.Problem;
import org.oncocds.prediction.boundary.Recommendations;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** The POST of a new case: what the clinician sees for each answer of the prediction module. */
class NewCaseServletTest {

    private final ServletContext context = WebFakes.servletContext();
    private final HttpSession session = WebFakes.session();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private CaseRequest received;

    @Test
    void anAuditedComparisonRedirectsToItsResult() throws Exception {
        servlet(request -> new TreatmentComparison(ColonTask.ID, ColonTask.TASK.activeModel(), "Obs", List.of(
                new OptionRisk("Obs", 0.5, 0), new OptionRisk("Lev", 0.4, 0.1), new OptionRisk("Lev+5FU", 0.3,
                        0.2)),
                "pseudo", 7, Instant.now())).doPost(post(), response);

        assertEquals(302, status[0]);
        assertEquals("/cases/result?record=7", response.getHeader("Location"));
        assertTrue(RecentResults.find(session, 7).isPresent());
        assertEquals("MRN-1", received.mrn());
    }

    @Test
    void aFailedAuditWriteShowsAnErrorAndNoPrediction() throws Exception {
        HttpServletRequest request = post();
        servlet(ignored -> {
            throw new EJBException("audit write failed");
        }).doPost(request, response);

        assertEquals(500, status[0]);
        assertEquals(ErrorPages.AUDIT_FAILED, request.getAttribute(ErrorPages.REASON_ATTRIBUTE));
        assertNull(response.getHeader("Location"));
        assertTrue(RecentResults.find(session, 7).isEmpty());
        assertFalse(body.toString().contains("risks"), "nothing of a prediction is written");
    }

    @Test
    void aRefusedCaseShowsTheFormAgainWithTheReasons() throws Exception {
        servlet(ignored -> {
            throw new InvalidCaseException(List.of(new FieldError("age", Problem.ABOVE_MAXIMUM, "100",
                    "age must be at most 100")));
        }).doPost(post(), response);

        assertEquals(400, status[0]);
        assertEquals("Age (years): the value must be at most 100.", CasePagesRenderingTest.textOf(body.toString(),
                "error-age"));
        assertTrue(CasePagesRenderingTest.tag(body.toString(), "mrn").contains("value=\"MRN-1\""));
    }

    @Test
    void aTaskWithoutAnActiveModelSaysSoKeepsTheValuesAndShowsNoPrediction() throws Exception {
        servlet(ignored -> {
            throw new NoActiveModelException(ColonTask.ID);
        }).doPost(post(), response);

        assertEquals(409, status[0]);
        assertTrue(CasePagesRenderingTest.textOf(body.toString(), "no-active-model").contains(
                "No approved model version is active for this task"), body::toString);
        assertTrue(CasePagesRenderingTest.tag(body.toString(), "mrn").contains("value=\"MRN-1\""));
        assertNull(response.getHeader("Location"));
        assertTrue(RecentResults.find(session, 7).isEmpty());
    }

    @Test
    void anUnknownTaskIsNotFound() throws Exception {
        Map<String, String> parameters = new HashMap<>(Map.of("task", "nope"));
        servlet(ignored -> {
            throw new AssertionError("nothing may be predicted");
        }).doPost(WebFakes.request(context, "POST", "/cases/new", parameters, "clinician", Set.of("clinician"),
                session), response);

        assertEquals(404, status[0]);
    }

    private HttpServletRequest post() {
        Map<String, String> parameters = new HashMap<>(Map.of("task", ColonTask.ID, "mrn", "MRN-1", "age", "63",
                "referenceOption", "Obs"));
        return WebFakes.request(context, "POST", "/cases/new", parameters, "clinician", Set.of("clinician"),
                session);
    }

    private NewCaseServlet servlet(Answer answer) {
        NewCaseServlet servlet = new NewCaseServlet();
        servlet.pages = new Pages(context);
        servlet.tasks = new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK);
            }

            @Override
            public Optional<TaskDescription> byId(String taskId) {
                return ColonTask.ID.equals(taskId) ? Optional.of(ColonTask.TASK) : Optional.empty();
            }
        };
        servlet.recommendations = new Recommendations() {
            @Override
            public TreatmentComparison compareTreatments(CaseRequest request) throws InvalidCaseException {
                received = request;
                return answer.compare(request);
            }
        };
        return servlet;
    }

    private interface Answer {
        TreatmentComparison compare(CaseRequest request) throws InvalidCaseException;
    }
}
