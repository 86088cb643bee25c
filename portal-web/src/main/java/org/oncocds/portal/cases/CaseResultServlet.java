package org.oncocds.portal.cases;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /cases/result?record=<audit record id>}: the treatment comparison the clinician just received, from the
 * session; nothing is predicted or recorded again.
 */
@WebServlet(CaseResultServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.CLINICIAN))
public class CaseResultServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/cases/result";
    static final String RECORD = "record";
    static final String VIEW = "cases/result";

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CaseResult> result = recordId(request).flatMap(id -> RecentResults.find(request.getSession(), id));
        if (result.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.render(request, response, VIEW, Map.of("result", result.get()));
    }

    private static Optional<Long> recordId(HttpServletRequest request) {
        try {
            return Optional.of(Long.parseLong(String.valueOf(request.getParameter(RECORD))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
