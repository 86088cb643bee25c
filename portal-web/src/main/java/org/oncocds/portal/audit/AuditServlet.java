package org.oncocds.portal.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/** {@code GET /audit}: the latest audit records, newest first, for compliance officers only. */
@WebServlet("/audit")
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String VIEW = "audit/records";

    /** How many records the page lists. */
    static final int LATEST = 100;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, VIEW, Map.of("records", auditTrail.latest(LATEST), "limit", LATEST));
    }
}
