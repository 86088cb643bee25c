package org.oncocds.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Records the first request of a signed-in browser session as the user's LOGIN. Not the stand-in request Soteria
 * restores right after the login (it carries no EJB identity, so the record would name "anonymous"; the next, real
 * request records it), and not the REST API, whose every call is a bearer-token sign-in of its own.
 */
@WebFilter(urlPatterns = "/*")
public class LoginRecordFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    GovernanceEvents events;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !ApiPaths.isApi(request) && !RestoredLoginRequest.isRestored(
                request)) {
            events.loginOnce(request);
        }
        chain.doFilter(request, response);
    }
}
