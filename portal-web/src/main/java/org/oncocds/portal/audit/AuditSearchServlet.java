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
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.portal.security.Roles;

/**
 * {@code POST /audit/search}: the search form. The MRN typed into it is turned into its pseudonym here and the browser
 * is sent to {@code GET /audit} with the pseudonym, so the MRN never appears in a URL, a browser history or a server
 * log.
 */
@WebServlet(AuditSearchServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class AuditSearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit/search";
    static final String MRN = "mrn";
    /** The patient filter already in force, kept when no new MRN is typed. */
    static final String KEPT_PSEUDONYM = "patientPseudonym";

    @Inject
    PatientPseudonyms pseudonyms;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> values = new HashMap<>();
        AuditFilter.NAMES.forEach(name -> values.put(name, request.getParameter(name)));
        String mrn = request.getParameter(MRN);
        String kept = request.getParameter(KEPT_PSEUDONYM);
        values.put(AuditFilter.PATIENT, mrn == null || mrn.isBlank()
                ? kept == null ? "" : kept
                : pseudonyms.pseudonymOf(mrn.strip()));
        AuditFilter filter = AuditFilter.read(values::get);
        String query = filter.queryString();
        response.sendRedirect(request.getContextPath() + AuditServlet.PATH + (query.isEmpty() ? "" : "?" + query)
                + "#audit-records");
    }
}
