package org.oncocds.portal.home;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /}: the start page. Only users holding one of the portal's roles get in; a Keycloak account without one is
 * refused (403).
 */
@WebServlet("")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN}))
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String VIEW = "home";

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, VIEW, Map.of());
    }
}
