package org.oncocds.portal.cases;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.portal.errors.ErrorPages;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.NoActiveModelException;
import org.oncocds.prediction.boundary.Recommendations;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.TreatmentComparison;

/**
 * {@code GET /cases/new?task=<id>} shows the case form of a prediction task (without a task: the tasks to choose from);
 * {@code POST} asks for the audited treatment comparison and redirects to its result, or shows the form again with
 * every refused input explained.
 */
@WebServlet("/cases/new")
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.CLINICIAN))
public class NewCaseServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String TASK_PARAMETER = "task";
    static final String CHOOSE_TASK_VIEW = "cases/choose-task";

    private static final Logger LOG = Logger.getLogger(NewCaseServlet.class.getName());

    @Inject
    Tasks tasks;

    @Inject
    Recommendations recommendations;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String taskId = request.getParameter(TASK_PARAMETER);
        if (taskId == null || taskId.isBlank()) {
            chooseTask(request, response);
            return;
        }
        Optional<TaskDescription> task = tasks.byId(taskId);
        if (task.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.render(request, response, CaseFormPage.VIEW, CaseFormPage.model(task.get(), CaseForm.blank(task.get()),
                List.of()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TaskDescription> task = tasks.byId(String.valueOf(request.getParameter(TASK_PARAMETER)));
        if (task.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CaseForm form = CaseForm.read(task.get(), request::getParameter);
        TreatmentComparison comparison;
        try {
            comparison = recommendations.compareTreatments(form.toRequest());
        } catch (InvalidCaseException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            pages.render(request, response, CaseFormPage.VIEW, CaseFormPage.model(task.get(), form, refused
                    .errors()));
            return;
        } catch (NoActiveModelException inactive) {
            // Deactivated since the form was shown: say so, keep what was typed; nothing was predicted or recorded.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            Map<String, Object> model = CaseFormPage.model(task.get(), form, List.of());
            model.put(CaseFormPage.NO_ACTIVE_MODEL, true);
            pages.render(request, response, CaseFormPage.VIEW, model);
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (EJBException failed) {
            // The comparison and its audit record commit together or not at all: nothing may be shown.
            LOG.log(Level.SEVERE, "Treatment comparison for task " + form.taskId()
                    + " failed and was not shown (no audit record)", failed);
            request.setAttribute(ErrorPages.REASON_ATTRIBUTE, ErrorPages.AUDIT_FAILED);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        CaseResult result = CaseResult.of(task.get(), comparison);
        RecentResults.keep(request.getSession(), result);
        response.sendRedirect(request.getContextPath() + CaseResultServlet.PATH + "?" + CaseResultServlet.RECORD
                + "=" + result.auditRecordId());
    }

    private void chooseTask(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<TaskDescription> all = tasks.all();
        if (all.size() == 1) {
            response.sendRedirect(
                    request.getContextPath() + "/cases/new?" + TASK_PARAMETER + "=" + URLEncoder.encode(all
                            .get(0).id(), StandardCharsets.UTF_8));
            return;
        }
        List<TaskChoice> choices = all.stream().map(task -> new TaskChoice(task.id(), MessageKeys.task(task.id())))
                .toList();
        pages.render(request, response, CHOOSE_TASK_VIEW, Map.of("tasks", choices));
    }

    /** A task offered on the choice page: its id for the link and the message key of its title. */
    record TaskChoice(String id, String titleKey) {
    }
}
