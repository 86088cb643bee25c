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
import java.util.Map;
import java.util.Optional;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TrainingJob;
import org.oncocds.prediction.boundary.TrainingStatus;

/**
 * {@code GET /admin/job?id=<job id>} (administrators): a training job's progress (cross-validation folds done), the
 * version it made or why it failed. While it runs the page reloads itself every {@value #REFRESH_SECONDS} seconds (a
 * meta refresh, no script); nothing waits on the server.
 */
@WebServlet(TrainingJobServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class TrainingJobServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/job";
    static final String VIEW = "admin/job";
    static final int REFRESH_SECONDS = 3;

    @Inject
    ModelVersions modelVersions;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Optional<TrainingJob> job = id == null ? Optional.empty() : modelVersions.job(id);
        if (job.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean running = job.get().status() == TrainingStatus.QUEUED || job.get().status() == TrainingStatus.RUNNING;
        Map<String, Object> model = new HashMap<>();
        model.put("job", job.get());
        model.put("percent", job.get().foldsTotal() == 0 ? 0 : 100 * job.get().foldsDone() / job.get().foldsTotal());
        if (running) {
            model.put("refreshSeconds", REFRESH_SECONDS);
        }
        pages.render(request, response, VIEW, model);
    }
}
