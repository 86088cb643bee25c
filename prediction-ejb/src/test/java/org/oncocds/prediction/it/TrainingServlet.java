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
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InvalidTrainingRequestException;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TrainingJob;
import org.oncocds.prediction.boundary.TrainingRequest;

/**
 * POST {@code taskId=&algorithm=&option.<name>=} starts a training job ({@code jobId}; 422 with {@code error.<field>});
 * GET {@code ?id=} describes the job. 403 for a caller who is not an admin.
 */
@WebServlet("/it/training")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer", "admin"}))
public class TrainingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ModelVersions versions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> options = new HashMap<>();
        request.getParameterMap().forEach((name, value) -> {
            if (name.startsWith("option.")) {
                options.put(name.substring("option.".length()), value[0]);
            }
        });
        Properties answer = new Properties();
        try {
            answer.setProperty("jobId", versions.startTraining(new TrainingRequest(request.getParameter("taskId"),
                    request.getParameter("algorithm"), options)));
        } catch (InvalidTrainingRequestException e) {
            response.setStatus(422);
            for (FieldError error : e.errors()) {
                answer.setProperty("error." + error.field(), error.problem() + "|" + error.message());
            }
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        write(answer, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties answer = new Properties();
        try {
            versions.job(request.getParameter("id")).ifPresent(job -> describe(job, answer));
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        write(answer, response);
    }

    private static void describe(TrainingJob job, Properties answer) {
        answer.setProperty("status", job.status().name());
        answer.setProperty("foldsDone", String.valueOf(job.foldsDone()));
        answer.setProperty("foldsTotal", String.valueOf(job.foldsTotal()));
        answer.setProperty("requestedBy", job.requestedBy());
        answer.setProperty("options", job.options().toString());
        if (job.version() != null) {
            answer.setProperty("version", job.version());
        }
        if (job.failure() != null) {
            answer.setProperty("failure", job.failure());
        }
    }

    private static void write(Properties answer, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }
}
