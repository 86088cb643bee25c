package org.oncocds.portal.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.fairness.boundary.OutcomeKind;
import org.oncocds.fairness.boundary.OutcomeRefusedException;
import org.oncocds.fairness.boundary.OutcomeReport;
import org.oncocds.fairness.boundary.PatientOutcomes;
import org.oncocds.fairness.boundary.RecordedOutcome;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/** Recording an outcome: the fairness module decides, the page never shows the MRN back once recorded. */
class OutcomeServletTest {

    private final ServletContext context = WebFakes.servletContext();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final List<OutcomeReport> reports = new ArrayList<>();

    @Test
    void aRecordedOutcomeIsConfirmedWithItsPseudonymAndNotTheMrn() throws Exception {
        servlet().doPost(post(Map.of("mrn", "MRN-4711", "taskId", ColonTask.ID, "outcome", "EVENT", "day", "400")),
                response);

        assertEquals(200, status[0]);
        assertEquals(new OutcomeReport("MRN-4711", ColonTask.ID, OutcomeKind.EVENT, 400), reports.get(0));
        String html = body.toString();
        assertTrue(html.contains("id=\"outcome-recorded\" class=\"ok\" data-outcome-id=\"9\"") || html.contains(
                "data-outcome-id=\"9\""), html);
        assertTrue(html.contains("p".repeat(64)), html);
        assertFalse(html.contains("MRN-4711"), "the MRN is not shown back");
        assertFalse(html.contains("??"), html);
    }

    @Test
    void refusalsNameTheirField() throws Exception {
        servlet().doPost(post(Map.of("mrn", "MRN-1", "taskId", ColonTask.ID, "outcome", "EVENT", "day", "-3")),
                response);
        assertEquals(400, status[0]);
        assertTrue(body.toString().contains("id=\"error-day\""), body.toString());

        StringWriter notANumber = new StringWriter();
        int[] refused = new int[1];
        servlet().doPost(post(Map.of("mrn", "MRN-1", "taskId", ColonTask.ID, "outcome", "EVENT", "day", "soon")),
                WebFakes.response(notANumber, refused));
        assertEquals(400, refused[0]);
        assertTrue(notANumber.toString().contains("Give the day as a whole number"), notANumber.toString());
        assertEquals(1, reports.size(), "a day that is not a number never reaches the module");
    }

    private OutcomeServlet servlet() {
        OutcomeServlet servlet = new OutcomeServlet();
        servlet.pages = new Pages(context);
        servlet.tasks = new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK);
            }
        };
        servlet.outcomes = new PatientOutcomes() {
            @Override
            public RecordedOutcome record(OutcomeReport report) {
                reports.add(report);
                if (report.day() < 0) {
                    throw new OutcomeRefusedException("day", "day: the follow-up day must be 0 to 36525");
                }
                return new RecordedOutcome(9, report.taskId(), "p".repeat(64), report.outcome(), report.day(), 1,
                        "clinician", Instant.parse("2026-11-25T06:40:00Z"));
            }
        };
        return servlet;
    }

    private HttpServletRequest post(Map<String, String> parameters) {
        return WebFakes.request(context, "POST", "/outcomes", parameters, "clinician", Set.of("clinician"),
                WebFakes.session());
    }
}
