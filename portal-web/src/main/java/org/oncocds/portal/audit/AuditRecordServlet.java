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
import java.util.Optional;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /audit/record?id=<record id>}: one audit record in full (inputs and outputs laid out for reading) with the
 * decision taken on it; for compliance officers only.
 */
@WebServlet(AuditRecordServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class AuditRecordServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit/record";
    static final String ID = "id";
    static final String VIEW = "audit/record";

    @Inject
    AuditTrail auditTrail;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AuditEntryWithDecision> record = id(request).flatMap(auditTrail::entry);
        if (record.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.render(request, response, VIEW, Map.of("record", RecordDetail.of(record.get())));
    }

    private static Optional<Long> id(HttpServletRequest request) {
        try {
            return Optional.of(Long.parseLong(String.valueOf(request.getParameter(ID))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
