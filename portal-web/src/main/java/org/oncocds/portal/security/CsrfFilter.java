package org.oncocds.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses every state-changing request that does not carry its session's CSRF token (403, nothing changed). The REST
 * API under {@code /api} is exempt: it authenticates each request by its bearer token, which a browser never sends on
 * its own, and ignores the session cookie.
 */
@WebFilter(urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Set on a refused request so that the error page can say why. */
    public static final String REFUSED_ATTRIBUTE = CsrfFilter.class.getName() + ".refused";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (changesState(request) && !ApiPaths.isApi(request) && !CsrfTokens.isValid(request)) {
            request.setAttribute(REFUSED_ATTRIBUTE, Boolean.TRUE);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean changesState(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }
}
