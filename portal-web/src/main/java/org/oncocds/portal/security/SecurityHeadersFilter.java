package org.oncocds.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;

/**
 * Tells the browser what the portal's pages may do: run no script, load nothing from elsewhere, never be framed, and
 * never send the page's address (which carries the login's {@code code} and {@code state} right after login) to
 * another site.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self' %s; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    OidcLogin login;

    private String contentSecurityPolicy;

    @Override
    public void init() {
        contentSecurityPolicy = policy(login.getProviderUri());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }

    /**
     * The policy; forms may also lead to Keycloak, because a POST can be redirected there (logout, or login after the
     * session expired).
     */
    static String policy(String providerUri) {
        URI provider = URI.create(providerUri);
        String origin = provider.getScheme() + "://" + provider.getAuthority();
        return String.format(CONTENT_SECURITY_POLICY, origin);
    }
}
