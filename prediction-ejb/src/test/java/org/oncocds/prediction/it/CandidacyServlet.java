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
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.oncocds.prediction.boundary.CandidacyAssessment;
import org.oncocds.prediction.boundary.CandidacyRequest;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.ImmunotherapyCandidacy;
import org.oncocds.prediction.boundary.InvalidCaseException;

/** POST the candidacy inputs (and {@code mrn}); answers the assessment in properties format. */
@WebServlet("/it/candidacy")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer", "admin"}))
public class CandidacyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ImmunotherapyCandidacy candidacy;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> values = new HashMap<>();
        request.getParameterMap().forEach((name, given) -> values.put(name, given[0]));
        values.remove("mrn");
        Properties answer = new Properties();
        try {
            CandidacyAssessment assessment = candidacy.assess(new CandidacyRequest(request.getParameter("mrn"),
                    values));
            answer.setProperty("verdict", assessment.verdict());
            answer.setProperty("fired", String.join(",", assessment.fired()));
            answer.setProperty("ruleSetVersion", assessment.ruleSetVersion());
            answer.setProperty("ruleSetSha256", assessment.ruleSetSha256());
            answer.setProperty("auditRecordId", String.valueOf(assessment.auditRecordId()));
        } catch (InvalidCaseException e) {
            response.setStatus(422);
            for (FieldError error : e.errors()) {
                answer.setProperty("error." + error.field(), error.message());
            }
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }
}
