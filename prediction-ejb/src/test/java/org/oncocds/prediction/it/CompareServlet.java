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
import java.util.Set;
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.Driver;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InputValue;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.NoActiveModelException;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.Recommendations;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** Calls {@link Recommendations} as the logged-in caller, like the portal does, and answers in properties format. */
@WebServlet("/it/compare")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer"}))
public class CompareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> NOT_FEATURES = Set.of("taskId", "mrn", "referenceOption");

    @Inject
    Recommendations recommendations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> values = new HashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (!NOT_FEATURES.contains(name)) {
                values.put(name, given[0]);
            }
        });
        CaseRequest caseRequest = new CaseRequest(request.getParameter("taskId"), request.getParameter("mrn"), values,
                request.getParameter("referenceOption"));
        Properties answer = new Properties();
        try {
            describe(recommendations.compareTreatments(caseRequest), answer);
        } catch (InvalidCaseException e) {
            response.setStatus(422);
            for (FieldError error : e.errors()) {
                answer.setProperty("error." + error.field(), error.problem() + "|" + error.message());
            }
        } catch (NoActiveModelException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            answer.setProperty("error.taskId", e.getMessage());
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }

    private static void describe(TreatmentComparison comparison, Properties answer) {
        answer.setProperty("taskId", comparison.taskId());
        answer.setProperty("modelVersion", comparison.model().version());
        answer.setProperty("modelSha256", comparison.model().sha256());
        answer.setProperty("referenceOption", comparison.referenceOption());
        answer.setProperty("patientPseudonym", comparison.patientPseudonym());
        answer.setProperty("auditRecordId", String.valueOf(comparison.auditRecordId()));
        answer.setProperty("auditedAt", comparison.auditedAt().toString());
        answer.setProperty("options", String.join(",", comparison.options().stream().map(OptionRisk::option)
                .toList()));
        for (OptionRisk option : comparison.options()) {
            answer.setProperty("risk." + option.option(), String.valueOf(option.risk()));
            answer.setProperty("benefit." + option.option(), String.valueOf(option.absoluteBenefit()));
            answer.setProperty("riskInterval." + option.option(), option.riskLower() + "|" + option.riskUpper());
        }
        answer.setProperty("drivers", String.join(",", comparison.drivers().stream().map(Driver::feature).toList()));
        for (Driver driver : comparison.drivers()) {
            answer.setProperty("driver." + driver.feature(), driver.value() + "|" + driver.referenceValue() + "|"
                    + driver.riskChange());
        }
        for (InputValue input : comparison.inputs()) {
            answer.setProperty("input." + input.feature(), input.value());
            answer.setProperty("imputed." + input.feature(), String.valueOf(input.imputed()));
        }
    }
}
