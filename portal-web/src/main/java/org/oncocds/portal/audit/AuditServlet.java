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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.AuditPage;
import org.oncocds.audit.boundary.AuditSearch;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /audit}: the compliance officer's search of the audit trail, newest first, {@value #PAGE_SIZE} records a
 * page with a link to the older ones (keyset pagination: records added meanwhile never shift a page), each
 * recommendation with the clinician's decision; export links for the current filter; the chain verification, with the
 * last recorded verification run (by anyone, on any server) and when it ran.
 */
@WebServlet(AuditServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit";
    static final String VIEW = "audit/records";

    /** How many records a page lists. */
    static final int PAGE_SIZE = 50;

    private static final Logger LOG = Logger.getLogger(AuditServlet.class.getName());

    @Inject
    AuditSearch auditSearch;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.read(request::getParameter);
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("limit", PAGE_SIZE);
        model.put("check", ChainCheck.latest(request.getSession(false)).orElse(null));
        model.put("lastVerification", lastVerification());
        if (filter.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("records", List.of());
            model.put("next", null);
        } else {
            AuditPage page = auditSearch.search(filter.query(), filter.after(), PAGE_SIZE);
            model.put("records", page.rows());
            model.put("next", page.next() == null ? null : page.next().asText());
        }
        model.put("filterQuery", filter.queryString());
        pages.render(request, response, VIEW, model);
    }

    /** The last recorded verification run by anyone; null when there was none or it cannot be read just now. */
    private ChainVerification lastVerification() {
        try {
            return auditTrail.lastVerification().orElse(null);
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "the last chain verification could not be read", unavailable);
            return null;
        }
    }
}
