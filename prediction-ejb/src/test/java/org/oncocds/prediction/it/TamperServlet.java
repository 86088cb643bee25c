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

/**
 * POST {@code version=&task=}: the database's answer to a second ACTIVE version of the task; {@code action=retire&version=}
 * retires the version behind the application's back.
 */
@WebServlet("/it/tamper")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class TamperServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistryTamperer tamperer;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = "retire".equals(request.getParameter("action"))
                    ? tamperer.retire(request.getParameter("version"))
                    : tamperer.markActive(request.getParameter("version"), request.getParameter("task"));
        } catch (EJBException e) {
            answer = "refused: " + e.getMessage();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
