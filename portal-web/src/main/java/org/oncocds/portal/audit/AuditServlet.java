package org.oncocds.portal.audit;

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
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /audit}: the latest audit records, newest first, each recommendation with the clinician's decision, and
 * the result of the latest chain verification of this session; for compliance officers only.
 */
@WebServlet(AuditServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit";
    static final String VIEW = "audit/records";

    /** How many records the page lists. */
    static final int LATEST = 100;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("records", auditTrail.latestWithDecisions(LATEST));
        model.put("limit", LATEST);
        model.put("check", ChainCheck.latest(request.getSession(false)).orElse(null));
        pages.render(request, response, VIEW, model);
    }
}
