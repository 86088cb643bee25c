package org.oncocds.portal.errors;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.CsrfFilter;
import org.oncocds.portal.security.GovernanceEvents;

/**
 * Renders the error pages {@code web.xml} sends failed requests to. The status code stays what the failure set; the
 * page explains it in words and never shows a stack trace. Every refused request (403) is recorded in the audit trail
 * with its path (never its query string).
 */
@WebServlet("/errors/*")
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * A request attribute holding the message key that says why a request failed, when the generic text would
     * mislead (e.g. the audit record could not be written).
     */
    public static final String REASON_ATTRIBUTE = ErrorPages.class.getName() + ".reason";

    /** Why a recommendation is not shown: its audit record could not be committed. */
    public static final String AUDIT_FAILED = "error.auditFailed";

    /** Why a decision was not recorded: the audit trail could not commit it. */
    public static final String DECISION_FAILED = "error.decisionFailed";

    static final String ACCESS_DENIED_VIEW = "errors/access-denied";
    static final String NOT_FOUND_VIEW = "errors/not-found";
    static final String SERVER_ERROR_VIEW = "errors/server-error";

    @Inject
    Pages pages;

    @Inject
    GovernanceEvents events;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (page) {
            case "/access-denied" -> {
                boolean csrf = request.getAttribute(CsrfFilter.REFUSED_ATTRIBUTE) != null;
                Object refusedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                events.accessDenied(request, request.getMethod(), refusedPath instanceof String path
                        ? path
                        : request.getRequestURI(), csrf ? "csrf" : "role");
                render(request, response, HttpServletResponse.SC_FORBIDDEN, ACCESS_DENIED_VIEW, csrf
                        ? "error.formExpired"
                        : "error.accessDenied.text");
            }
            case "/not-found" -> render(request, response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND_VIEW,
                    "error.notFound.text");
            default -> render(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, SERVER_ERROR_VIEW,
                    "error.serverError.text");
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String view,
            String defaultReason) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            response.setStatus(status);
        }
        Object reason = request.getAttribute(REASON_ATTRIBUTE);
        pages.render(request, response, view, Map.of("reasonKey", reason instanceof String key
                ? key
                : defaultReason));
    }
}
