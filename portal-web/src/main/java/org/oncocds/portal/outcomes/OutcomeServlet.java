package org.oncocds.portal.outcomes;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oncocds.fairness.boundary.OutcomeKind;
import org.oncocds.fairness.boundary.OutcomeRefusedException;
import org.oncocds.fairness.boundary.OutcomeReport;
import org.oncocds.fairness.boundary.PatientOutcomes;
import org.oncocds.fairness.boundary.RecordedOutcome;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code /outcomes} (clinicians and data managers): {@code GET} shows the form to record a patient's outcome for a task (relapsed by day
 * N, or no relapse at follow-up day N); {@code POST} records it and shows the form again with what was recorded (the
 * pseudonym, never the MRN); a refusal comes back (400) with the reason next to its field and nothing recorded.
 */
@WebServlet(OutcomeServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.CLINICIAN, Roles.DATA_MANAGER}))
public class OutcomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/outcomes";
    static final String VIEW = "outcomes/record";
    static final List<String> FIELDS = List.of("mrn", "taskId", "outcome", "day");

    @Inject
    Tasks tasks;

    @Inject
    PatientOutcomes outcomes;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, Map.of(), null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, request.getParameter(field) == null
                ? ""
                : request.getParameter(field)
                        .strip()));
        OutcomeKind kind;
        Integer day;
        try {
            kind = form.get("outcome").isEmpty()
                    ? null
                    : OutcomeKind.valueOf(form.get("outcome").toUpperCase(
                            Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        try {
            day = form.get("day").isEmpty() ? null : Integer.valueOf(form.get("day"));
        } catch (NumberFormatException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(request, response, form, new Refusal("day", ""), null);
            return;
        }
        RecordedOutcome recorded;
        try {
            recorded = outcomes.record(new OutcomeReport(form.get("mrn"), form.get("taskId"), kind, day));
        } catch (OutcomeRefusedException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(request, response, form, new Refusal(refused.field(), refused.getMessage()), null);
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Map<String, String> next = new HashMap<>(form);
        next.put("mrn", "");
        next.put("day", "");
        render(request, response, next, null, recorded);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            Refusal refusal, RecordedOutcome recorded) throws IOException {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(field -> values.put(field, form.getOrDefault(field, "")));
        Map<String, Object> model = new HashMap<>();
        model.put("form", values);
        model.put("tasks", tasks.all().stream().map(TaskDescription::id).toList());
        model.put("refusal", refusal);
        model.put("recorded", recorded);
        model.put("maxDay", PatientOutcomes.MAX_DAY);
        pages.render(request, response, VIEW, model);
    }

    /** A refused field and the fairness module's reason (empty: the portal's own message). */
    public record Refusal(String field, String message) {
    }
}
