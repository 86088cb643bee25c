package org.oncocds.prediction.it;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.oncocds.prediction.control.TrainingJobLeases;

/**
 * POST {@code version=&task=}: the database's answer to a second ACTIVE version of the task; {@code action=retire&version=}
 * retires the version behind the application's back; {@code action=job&renewedSecondsAgo=} adds a RUNNING training job of
 * another server ({@code jobId=}); {@code action=sweep} marks FAILED the jobs whose lease ran out ({@code failed=}).
 */
@WebServlet("/it/tamper")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class TamperServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistryTamperer tamperer;

    @Inject
    TrainingJobLeases leases;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (String.valueOf(request.getParameter("action"))) {
                case "retire" -> tamperer.retire(request.getParameter("version"));
                case "job" -> "jobId=" + tamperer.addJobOfAnotherServer(System.currentTimeMillis() - 1_000 * Long
                        .parseLong(request.getParameter("renewedSecondsAgo")));
                case "sweep" -> "failed=" + leases.failAbandoned();
                default -> tamperer.markActive(request.getParameter("version"), request.getParameter("task"));
            };
        } catch (EJBException e) {
            answer = "refused: " + e.getMessage();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
