package org.oncocds.portal.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code GET /admin/tasks} (administrators): the prediction tasks, shipped and uploaded, each with the version that
 * answers it, a link to train a new version and the link to add a task; after an upload ({@code ?added=<id>}) the new
 * task is named with the link to train its first version.
 */
@WebServlet(TasksServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class TasksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/tasks";
    static final String VIEW = "admin/tasks";
    static final String ADDED = "added";

    @Inject
    Tasks tasks;

    @Inject
    Pages pages;

    /** A task as the list shows it; {@code activeVersion} is null when no version answers. */
    public record TaskRow(String id, boolean uploaded, String activeVersion) {

        static TaskRow of(TaskDescription task) {
            return new TaskRow(task.id(), task.uploaded(), task.activeModel() == null
                    ? null
                    : task.activeModel().version());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<TaskRow> rows = tasks.all().stream().map(TaskRow::of).toList();
        String added = request.getParameter(ADDED);
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", rows);
        model.put("added", rows.stream().map(TaskRow::id).filter(id -> id.equals(added)).findFirst().orElse(null));
        pages.render(request, response, VIEW, model);
    }
}
