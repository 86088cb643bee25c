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
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code POST /fairness/reports?task=<task id>} (compliance officers): computes and stores the task's standard bias
 * report of its active model version from the out-of-fold cross-validation predictions, then shows it.
 */
@WebServlet(FairnessReportsServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class FairnessReportsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/reports";
    static final String TASK = "task";

    @Inject
    Tasks tasks;

    @Inject
    ModelBiasReports reports;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String task = request.getParameter(TASK);
        if (task == null || tasks.byId(task).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredBiasReport stored;
        try {
            stored = reports.storeCrossValidationReport(task);
        } catch (InvalidBiasInputException refused) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect(FairnessReportServlet.location(request, stored.id()));
    }
}
