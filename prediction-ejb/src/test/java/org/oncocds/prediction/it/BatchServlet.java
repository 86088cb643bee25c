package org.oncocds.prediction.it;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Properties;
import org.oncocds.prediction.boundary.BatchError;
import org.oncocds.prediction.boundary.BatchRequest;
import org.oncocds.prediction.boundary.BatchResult;
import org.oncocds.prediction.boundary.BatchScoring;
import org.oncocds.prediction.boundary.InvalidBatchException;

/** POST a CSV body to {@code ?task=&version=}; answers the scored file's summary in properties format. */
@WebServlet("/it/batch")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer", "admin"}))
public class BatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    BatchScoring batch;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties answer = new Properties();
        try {
            BatchResult result = batch.score(new BatchRequest(request.getParameter("task"), request.getParameter(
                    "version"), request.getInputStream().readAllBytes()));
            answer.setProperty("rows", String.valueOf(result.rows()));
            answer.setProperty("modelVersion", result.modelVersion());
            answer.setProperty("fileSha256", result.fileSha256());
            answer.setProperty("csv", result.csv());
            answer.setProperty("auditRecordId", String.valueOf(result.auditRecordId()));
            if (result.validation() != null) {
                answer.setProperty("harrellC", String.valueOf(result.validation().harrellC()));
                answer.setProperty("auc", String.valueOf(result.validation().auc()));
            }
        } catch (InvalidBatchException e) {
            response.setStatus(422);
            for (BatchError error : e.errors()) {
                answer.setProperty("error." + error.line() + "." + error.column(), error.message());
            }
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }
}
