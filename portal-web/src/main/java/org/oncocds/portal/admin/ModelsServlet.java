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
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code GET /admin/models} (administrators): every task's model versions with lifecycle state, cross-validation
 * metrics and provenance, the buttons to activate (APPROVED only) or retire a version, the latest training jobs and a
 * link to train a new version.
 */
@WebServlet(ModelsServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class ModelsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/models";
    static final String VIEW = "admin/models";
    static final int JOBS = 20;

    @Inject
    Tasks tasks;

    @Inject
    ModelVersions modelVersions;

    @Inject
    Pages pages;

    /** A task and its versions, newest first as the registry gives them. */
    public record TaskVersions(String id, List<ModelVersionSummary> versions) {
    }

    /** A refused lifecycle change: the version, the field the registry named and its reason. */
    public record Refusal(String version, String field, String reason) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, null);
    }

    void render(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", tasks.all().stream().map(TaskDescription::id).map(id -> new TaskVersions(id, modelVersions
                .ofTask(id))).toList());
        model.put("jobs", modelVersions.jobs(JOBS));
        model.put("refusal", refusal);
        pages.render(request, response, VIEW, model);
    }
}
