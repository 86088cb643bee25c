package org.oncocds.portal.login;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.GovernanceEvents;

/**
 * {@code /logout}: {@code POST} (with the CSRF token, so that another site cannot log a user out) ends the portal
 * session and, through the login mechanism, the Keycloak session, then Keycloak sends the browser to
 * {@code /signed-out}. {@code GET} shows a page with the logout button.
 */
@WebServlet(LogoutServlet.PATH)
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/logout";
    static final String VIEW = "login/logout";

    @Inject
    Pages pages;

    @Inject
    GovernanceEvents events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + SignedOutServlet.PATH);
            return;
        }
        pages.render(request, response, VIEW, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        events.logout(request);
        // The mechanism invalidates the session and redirects to Keycloak's end-session endpoint.
        request.logout();
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + SignedOutServlet.PATH);
        }
    }
}
