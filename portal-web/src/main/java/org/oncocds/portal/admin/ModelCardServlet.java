package org.oncocds.portal.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;

/** {@code GET /admin/model?version=<version>} (administrators): one version's provenance, metrics and model card. */
@WebServlet(ModelCardServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class ModelCardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/model";
    static final String VIEW = "admin/model";

    @Inject
    ModelVersions modelVersions;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String version = request.getParameter("version");
        Optional<ModelVersionSummary> summary = version == null ? Optional.empty() : modelVersions.byVersion(version);
        if (summary.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.render(request, response, VIEW, Map.of("model", summary.get()));
    }
}
