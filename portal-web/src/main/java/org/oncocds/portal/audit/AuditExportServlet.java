package org.oncocds.portal.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.oncocds.audit.boundary.AuditSearch;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /audit/export?format=csv|fhir&<filter>}: every record the filter selects, streamed as CSV or as a FHIR R4
 * Bundle of AuditEvent resources (JSON). The audit module records each export (who, the filter, the rows written).
 */
@WebServlet(AuditExportServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit/export";
    static final String FORMAT = "format";

    @Inject
    AuditSearch auditSearch;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.read(request::getParameter);
        String format = String.valueOf(request.getParameter(FORMAT));
        if (filter.refused() || !(format.equals("csv") || format.equals("fhir"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        response.setHeader("Cache-Control", "no-store");
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + stamp + ".csv\"");
            auditSearch.exportCsv(filter.query(), response.getOutputStream());
        } else {
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + stamp + ".fhir.json\"");
            auditSearch.exportFhirBundle(filter.query(), response.getOutputStream());
        }
    }
}
