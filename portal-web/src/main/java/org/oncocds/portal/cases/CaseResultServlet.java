package org.oncocds.portal.cases;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import java.util.Optional;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /cases/result?record=<audit record id>}: the treatment comparison the clinician just received, from the
 * session (nothing is predicted or recorded again), with the clinician's decision as the audit trail holds it, or the
 * form to record it.
 */
@WebServlet(CaseResultServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.CLINICIAN))
public class CaseResultServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/cases/result";
    static final String RECORD = "record";
    static final String VIEW = ResultPage.VIEW;

    private static final Logger LOG = Logger.getLogger(CaseResultServlet.class.getName());

    @Inject
    AuditTrail auditTrail;

    @Inject
    FairnessSignOff signOff;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CaseResult> result = recordId(request).flatMap(id -> RecentResults.find(request.getSession(), id));
        if (result.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // The audit trail, not the session, says whether the clinician has decided: it is the record that counts.
        Map<String, Object> model = ResultPage.model(result.get(), auditTrail.decisionOn(result.get()
                .auditRecordId()));
        model.put("fairness", fairnessOf(result.get().modelVersion()));
        pages.render(request, response, VIEW, model);
    }

    /**
     * Where the model that answered stands in the fairness review, for the clinician to weigh the prediction; null
     * (shown as "could not be determined") when the fairness module cannot say, which never hides the prediction.
     */
    private FairnessStatus fairnessOf(String modelVersion) {
        try {
            return signOff.statusOf(modelVersion);
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "fairness status of " + modelVersion + " could not be read", unavailable);
            return null;
        }
    }

    /** The {@code record} parameter as an audit record id, if it is one. */
    static Optional<Long> recordId(HttpServletRequest request) {
        try {
            return Optional.of(Long.parseLong(String.valueOf(request.getParameter(RECORD))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Where the result of this audit record is shown. */
    static String location(HttpServletRequest request, long recordId) {
        return request.getContextPath() + PATH + "?" + RECORD + "=" + recordId;
    }
}
