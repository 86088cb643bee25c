package org.oncocds.portal.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.logging.Logger;
import org.oncocds.portal.security.RestoredLoginRequest;

/**
 * Turns the first request after login into a fresh one. With {@code redirectToOriginalResource} Payara's OpenID
 * Connect mechanism (Soteria) sends the browser back to the page first asked for, but with Keycloak's {@code state} and
 * {@code code} instead of the page's own query, and hands the application a stand-in request whose parameters are
 * missing ({@code getParameter} throws) and which carries no EJB security identity (every EJB call is refused). Seen
 * on Payara Micro 6.2025.10: a deep link through login ended on the error page. This filter answers that stand-in
 * with a redirect to the page first asked for, query included, which the browser then requests normally, signed in by
 * its session.
 */
@WebFilter(urlPatterns = "/*")
public class ReturnAfterLoginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Where Soteria keeps the URL first asked for (the HTTP session, as {@code useSession} defaults to true). */
    static final String ORIGINAL_URL_ATTRIBUTE = "oidc.original.request";

    private static final Logger LOG = Logger.getLogger(ReturnAfterLoginFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!RestoredLoginRequest.isRestored(request)) {
            chain.doFilter(request, response);
            return;
        }
        String target = originalTarget(request).orElseGet(() -> request.getRequestURI());
        LOG.fine(() -> "first request after login to " + request.getRequestURI() + ": asked for afresh");
        response.sendRedirect(target);
    }

    /**
     * The path and query first asked for, if Soteria still holds it and it lies inside the portal; never another host
     * (no open redirect), never Keycloak's {@code state} or {@code code}.
     */
    static Optional<String> originalTarget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stored = session == null ? null : session.getAttribute(ORIGINAL_URL_ATTRIBUTE);
        if (!(stored instanceof String url)) {
            return Optional.empty();
        }
        try {
            URI original = new URI(url);
            String path = original.getRawPath();
            String context = request.getContextPath();
            boolean inside = path != null && (path.equals(context) || path.startsWith(context + "/"));
            if (!inside || path.contains("//")) {
                return Optional.empty();
            }
            return Optional.of(original.getRawQuery() == null ? path : path + "?" + original.getRawQuery());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
