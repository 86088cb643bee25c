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

/**
 * {@code POST /fairness/reports?modelVersion=<version>} (compliance officers): computes and stores the standard bias
 * report of a registered model version from its out-of-fold cross-validation predictions, then shows it.
 */
@WebServlet(FairnessReportsServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class FairnessReportsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/reports";
    static final String MODEL_VERSION = "modelVersion";

    @Inject
    ModelBiasReports reports;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String version = request.getParameter(MODEL_VERSION);
        if (version == null || version.isBlank()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredBiasReport stored;
        try {
            stored = reports.storeModelVersionReport(version);
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
