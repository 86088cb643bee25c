package org.oncocds.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;

/** The REST API's side of the portal's authentication: bearer tokens or a JSON 401, never the login page. */
class PortalAuthenticationTest {

    private final ServletContext context = WebFakes.servletContext();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final PortalAuthentication mechanism = new PortalAuthentication();
    private String notifiedName;
    private Set<String> notifiedGroups;

    PortalAuthenticationTest() {
        mechanism.tokens = new BearerTokens(BearerTokensTest.ISSUER, BearerTokensTest.AUDIENCE, BearerTokensTest
                .realmKeys());
    }

    @Test
    void aValidTokenSignsTheCallerInWithTheRolesOfItsGroupsClaim() {
        AuthenticationStatus outcome = mechanism.bearer(api("Bearer " + BearerTokensTest.token("compliance", List.of(
                "compliance-officer"))), response, context());

        assertEquals(AuthenticationStatus.SUCCESS, outcome);
        assertEquals("compliance", notifiedName);
        assertEquals(Set.of("compliance-officer"), notifiedGroups);
    }

    @Test
    void withoutATokenTheAnswerIsAJson401AndNoRedirect() {
        AuthenticationStatus outcome = mechanism.bearer(api(null), response, context());

        assertEquals(AuthenticationStatus.SEND_FAILURE, outcome);
        assertEquals(401, status[0]);
        assertNull(response.getHeader("Location"));
        assertEquals("Bearer realm=\"oncocds\"", response.getHeader("WWW-Authenticate"));
        assertTrue(body.toString().startsWith("{\"status\":401,"), body.toString());
        assertTrue(body.toString().contains("\"field\":\"Authorization\""), body.toString());
        assertNull(notifiedName);
    }

    @Test
    void aBadTokenIsA401SayingWhyWithoutRepeatingIt() {
        String token = BearerTokensTest.token(claims -> claims.issuer("http://127.0.0.1:1/realms/x"));

        AuthenticationStatus outcome = mechanism.bearer(api("Bearer " + token), response, context());

        assertEquals(AuthenticationStatus.SEND_FAILURE, outcome);
        assertEquals(401, status[0]);
        assertTrue(body.toString().contains("iss"), body.toString());
        assertFalse(body.toString().contains(token.substring(token.lastIndexOf('.') + 1)));
        assertNull(notifiedName);
    }

    @Test
    void aBasicHeaderIsNoBearerToken() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, mechanism.bearer(api("Basic Y2xpbmljaWFuOng="), response,
                context()));
        assertEquals(401, status[0]);
    }

    @Test
    void onlyPathsUnderApiBelongToTheApi() {
        assertTrue(ApiPaths.isApi(request("/api/tasks/x/recommendations")));
        assertTrue(ApiPaths.isApi(request("/api")));
        assertFalse(ApiPaths.isApi(request("/apix")));
        assertFalse(ApiPaths.isApi(request("/audit")));
    }

    private HttpServletRequest api(String authorization) {
        return WebFakes.request(context, "POST", "/api/bias-reports", Map.of(), null, Set.of(), null,
                authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    private HttpServletRequest request(String path) {
        return WebFakes.request(context, "GET", path, Map.of(), null, Set.of(), null);
    }

    @SuppressWarnings("unchecked")
    private HttpMessageContext context() {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{
                HttpMessageContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("notifyContainerAboutLogin") && args.length == 2
                            && args[0] instanceof String name) {
                        notifiedName = name;
                        notifiedGroups = (Set<String>) args[1];
                        return AuthenticationStatus.SUCCESS;
                    }
                    throw new AssertionError("unexpected call " + method);
                });
    }
}
