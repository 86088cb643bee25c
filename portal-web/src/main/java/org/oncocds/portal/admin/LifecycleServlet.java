package org.oncocds.portal.admin;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code POST /admin/models/lifecycle} with {@code version} and {@code action} ({@code activate} or {@code retire}):
 * the lifecycle change through the model registry (which records it in the audit trail), then back to the list; a
 * refusal comes back (409) with the registry's reason next to the version.
 */
@WebServlet(LifecycleServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class LifecycleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/models/lifecycle";

    @Inject
    Tasks tasks;

    @Inject
    ModelVersions modelVersions;

    @Inject
    Pages pages;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String version = request.getParameter("version");
        String action = String.valueOf(request.getParameter("action"));
        try {
            switch (action) {
                case "activate" -> modelVersions.activate(version);
                case "retire" -> modelVersions.retire(version);
                default -> throw new LifecycleRefusedException("action", "choose activate or retire");
            }
        } catch (LifecycleRefusedException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            ModelsServlet list = new ModelsServlet();
            list.tasks = tasks;
            list.modelVersions = modelVersions;
            list.pages = pages;
            list.render(request, response, new ModelsServlet.Refusal(version, refused.field(), refused.getMessage()));
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect(request.getContextPath() + ModelsServlet.PATH);
    }
}
