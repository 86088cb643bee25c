package org.oncocds.portal.security;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oncocds.portal.json.PortalJson;

/**
 * The portal's one authentication mechanism (Jakarta Security 3 allows one per application): requests under
 * {@code /api} must carry a Keycloak access token ({@code Authorization: Bearer ...}) and get a JSON 401 without a
 * valid one, never a redirect to the login page; every other request goes to the OpenID Connect browser login
 * ({@link OidcLogin}). The OpenID Connect mechanism stays a bean of its own; this one wins the container's lookup as an
 * enabled alternative and finds the other through the bean manager.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());

    static final String BEARER = "Bearer ";

    @Inject
    BeanManager beanManager;

    @Inject
    OidcLogin login;

    @Inject
    @ConfigProperty(name = "oncocds.api.audience", defaultValue = "oncocds-api")
    String audience;

    volatile BearerTokens tokens;
    private volatile HttpAuthenticationMechanism browserLogin;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (ApiPaths.isApi(request)) {
            return bearer(request, response, context);
        }
        return browserLogin().validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (ApiPaths.isApi(request)) {
            return AuthenticationStatus.SUCCESS;
        }
        return browserLogin().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (ApiPaths.isApi(request)) {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
            return;
        }
        browserLogin().cleanSubject(request, response, context);
    }

    AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(response, "a bearer token is required: Authorization: Bearer <Keycloak access token>");
        }
        try {
            BearerTokens.ApiCaller caller = tokens().verify(header.substring(BEARER.length()).strip());
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        } catch (BearerTokens.InvalidTokenException refused) {
            LOG.info(() -> "API request to " + request.getRequestURI() + " refused: " + refused.getMessage());
            return unauthorized(response, refused.getMessage());
        }
    }

    /** A JSON 401 written and committed here, so that no error page or login redirect replaces it. */
    static AuthenticationStatus unauthorized(HttpServletResponse response, String reason) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"oncocds\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(PortalJson.object().add("status", 401).add("error", "unauthorized").add(
                    "problems", PortalJson.array().add(PortalJson.object().add("field",
                            "Authorization").add("message", reason)))
                    .build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private BearerTokens tokens() {
        BearerTokens current = tokens;
        if (current == null) {
            current = new BearerTokens(login.getProviderUri(), audience, keys(login.getProviderUri()));
            tokens = current;
        }
        return current;
    }

    /** The realm's signing keys from its JWKS endpoint, cached and refreshed by the library. */
    static com.nimbusds.jose.jwk.source.JWKSource<SecurityContext> keys(String providerUri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(providerUri + "/protocol/openid-connect/certs")
                    .toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("oncocds.oidc.provider-uri is not a URL: " + providerUri, e);
        }
    }

    /** The OpenID Connect mechanism the container made from {@link OidcLogin}'s annotation. */
    private HttpAuthenticationMechanism browserLogin() {
        HttpAuthenticationMechanism current = browserLogin;
        if (current == null) {
            Bean<?> oidc = beanManager.getBeans(HttpAuthenticationMechanism.class).stream().filter(
                    bean -> !PortalAuthentication.class.equals(bean.getBeanClass())).findFirst().orElseThrow(
                            () -> new IllegalStateException("the OpenID Connect login mechanism is missing"));
            current = (HttpAuthenticationMechanism) beanManager.getReference(oidc, HttpAuthenticationMechanism.class,
                    beanManager.createCreationalContext(oidc));
            browserLogin = current;
        }
        return current;
    }
}
