package org.oncocds.portal.fairness;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.SignOffRefusedException;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code POST /fairness/decision?id=<report id>} (compliance officers): approves or rejects the report with the
 * mandatory comment, then shows the report again with the decision; a refused decision comes back (400) with the
 * reason next to the field and the comment as typed.
 */
@WebServlet(FairnessDecisionServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class FairnessDecisionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/decision";
    static final String DECISION = "decision";
    static final String COMMENT = "comment";

    @Inject
    ModelBiasReports reports;

    @Inject
    FairnessSignOff signOff;

    @Inject
    Pages pages;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StoredBiasReport> stored = FairnessReportServlet.reportId(request).flatMap(reports::stored);
        if (stored.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = stored.get().id();
        String decision = request.getParameter(DECISION);
        String comment = request.getParameter(COMMENT) == null ? "" : request.getParameter(COMMENT);
        try {
            if ("APPROVED".equals(decision)) {
                signOff.approve(id, comment);
            } else if ("REJECTED".equals(decision)) {
                signOff.reject(id, comment);
            } else {
                refuse(request, response, stored.get(), new FairnessReportServlet.DecisionRefusal(DECISION,
                        ""), comment);
                return;
            }
        } catch (SignOffRefusedException refused) {
            refuse(request, response, stored.get(), new FairnessReportServlet.DecisionRefusal(refused.field(), refused
                    .getMessage()), comment);
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect(FairnessReportServlet.location(request, id) + "#review");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, StoredBiasReport stored,
            FairnessReportServlet.DecisionRefusal refusal, String comment) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        FairnessReportServlet.render(pages, signOff, request, response, stored, refusal, comment);
    }
}
