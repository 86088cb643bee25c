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
import java.util.List;
import java.util.Properties;
import org.oncocds.prediction.boundary.InvalidTaskUploadException;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TaskUploads;
import org.oncocds.prediction.boundary.UploadProblem;

/**
 * POST {@code ?fileName=&definition=} with the dataset file as the body adds a task ({@code id}); 422 with
 * {@code problem.<i>.field|row|column|message} when refused; 403 for a caller who is not an admin.
 */
@WebServlet("/it/task-uploads")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer", "admin"}))
public class TaskUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskUploads uploads;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] dataset = request.getInputStream().readAllBytes();
        Properties answer = new Properties();
        try {
            TaskDescription task = uploads.add(new TaskUpload(request.getParameter("fileName"), dataset, request
                    .getParameter("definition")));
            answer.setProperty("id", task.id());
            answer.setProperty("uploaded", String.valueOf(task.uploaded()));
        } catch (InvalidTaskUploadException e) {
            response.setStatus(422);
            List<UploadProblem> problems = e.problems();
            answer.setProperty("problems", String.valueOf(problems.size()));
            for (int i = 0; i < problems.size(); i++) {
                UploadProblem problem = problems.get(i);
                answer.setProperty("problem." + i + ".field", problem.field());
                answer.setProperty("problem." + i + ".row", String.valueOf(problem.row()));
                answer.setProperty("problem." + i + ".column", String.valueOf(problem.column()));
                answer.setProperty("problem." + i + ".message", problem.message());
            }
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }
}
