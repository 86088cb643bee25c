package org.oncocds.portal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.security.RestoredLoginRequest;

/** The first request after login, which Payara's OIDC mechanism restores as a broken stand-in, is asked for afresh. */
class ReturnAfterLoginFilterTest {

    private static final String KEYCLOAK_QUERY = "state=abc&session_state=def&iss=http%3A%2F%2F127.0.0.1&code=xyz";

    private final HttpSession session = WebFakes.session();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(new StringWriter(), status);

    @Test
    void ordinaryRequestsGoThroughUntouched() throws Exception {
        for (String query : new String[]{null, "task=colon-recurrence-5y", "record=42&state=x", "code=1"}) {
            boolean[] passed = {false};

            new ReturnAfterLoginFilter().doFilter(request("/cases/new", query), response,
                    (req, res) -> passed[0] = true);

            assertTrue(passed[0], String.valueOf(query));
            assertEquals(200, status[0]);
        }
    }

    @Test
    void theCallbackItselfIsLeftToTheLoginMechanism() {
        assertFalse(RestoredLoginRequest.isRestored(request("/callback", KEYCLOAK_QUERY)));
    }

    @Test
    void theRestoredRequestIsRedirectedToThePageFirstAskedForWithItsOwnQuery() throws Exception {
        session.setAttribute(ReturnAfterLoginFilter.ORIGINAL_URL_ATTRIBUTE,
                "http://127.0.0.1:28080/cases/new?task=colon-recurrence-5y");

        new ReturnAfterLoginFilter().doFilter(request("/cases/new", KEYCLOAK_QUERY), response, (req, res) -> {
            throw new AssertionError("the stand-in must not reach a page");
        });

        assertEquals(302, status[0]);
        assertEquals("/cases/new?task=colon-recurrence-5y", response.getHeader("Location"));
    }

    @Test
    void withoutTheOriginalURLTheSamePageIsAskedForWithoutKeycloaksParameters() throws Exception {
        new ReturnAfterLoginFilter().doFilter(request("/audit", KEYCLOAK_QUERY), response, (req, res) -> {
            throw new AssertionError("the stand-in must not reach a page");
        });

        assertEquals("/audit", response.getHeader("Location"));
    }

    @Test
    void onlyPathsInsideThePortalAreTargets() {
        HttpServletRequest request = request("/audit", KEYCLOAK_QUERY);
        session.setAttribute(ReturnAfterLoginFilter.ORIGINAL_URL_ATTRIBUTE, "http://127.0.0.1:28080//evil.example/x");
        assertEquals(Optional.empty(), ReturnAfterLoginFilter.originalTarget(request));

        session.setAttribute(ReturnAfterLoginFilter.ORIGINAL_URL_ATTRIBUTE, "https://evil.example/audit");
        assertEquals(Optional.of("/audit"), ReturnAfterLoginFilter.originalTarget(request),
                "another host's URL yields only its path, on the portal's own host");

        session.setAttribute(ReturnAfterLoginFilter.ORIGINAL_URL_ATTRIBUTE, "not a url at all ^");
        assertEquals(Optional.empty(), ReturnAfterLoginFilter.originalTarget(request));
    }

    private HttpServletRequest request(String path, String query) {
        HttpServletRequest request = WebFakes.request(WebFakes.servletContext(), "GET", path, Map.of(), "clinician",
                Set.of("clinician"), session);
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getQueryString() {
                return query;
            }

            @Override
            public String getParameter(String name) {
                throw new NullPointerException("the stand-in's parameters are missing");
            }
        };
    }
}
