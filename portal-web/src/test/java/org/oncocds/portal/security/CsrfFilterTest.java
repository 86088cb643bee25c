package org.oncocds.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;

class CsrfFilterTest {

    private final ServletContext context = WebFakes.servletContext();
    private final HttpSession session = WebFakes.session();
    private final CsrfFilter filter = new CsrfFilter();

    @Test
    void aPostCarryingTheSessionsTokenPasses() throws Exception {
        String token = CsrfTokens.tokenFor(get());

        assertTrue(passes(post(Map.of(CsrfTokens.PARAMETER, token))));
    }

    @Test
    void aPostWithoutOrWithAnotherTokenIsRefusedWith403() throws Exception {
        CsrfTokens.tokenFor(get());

        assertFalse(passes(post(Map.of())));
        assertFalse(passes(post(Map.of(CsrfTokens.PARAMETER, "forged"))));
        int[] status = new int[1];
        HttpServletRequest forged = post(Map.of(CsrfTokens.PARAMETER, "forged"));
        filter.doFilter(forged, WebFakes.response(new StringWriter(), status), (request, response) -> {
        });
        assertEquals(403, status[0]);
        assertEquals(Boolean.TRUE, forged.getAttribute(CsrfFilter.REFUSED_ATTRIBUTE));
    }

    @Test
    void aPostWithoutSessionIsRefused() throws Exception {
        HttpServletRequest request = WebFakes.request(context, "POST", "/cases/new", Map.of(CsrfTokens.PARAMETER,
                "anything"), "clinician", Set.of(), null);

        assertFalse(passes(request));
    }

    @Test
    void readingRequestsPassWithoutToken() throws Exception {
        assertTrue(passes(get()));
    }

    @Test
    void theTokenStaysForTheSessionAndDiffersBetweenSessions() {
        String first = CsrfTokens.tokenFor(get());

        assertEquals(first, CsrfTokens.tokenFor(get()));
        assertNotEquals(first, CsrfTokens.tokenFor(WebFakes.request(context, "GET", "/", Map.of(), "other", Set.of(),
                WebFakes.session())));
        assertTrue(first.length() >= 43, "256 bits of randomness");
    }

    private boolean passes(HttpServletRequest request) throws Exception {
        boolean[] passed = {false};
        filter.doFilter(request, WebFakes.response(new StringWriter(), new int[1]), (req, res) -> passed[0] = true);
        return passed[0];
    }

    private HttpServletRequest get() {
        return WebFakes.request(context, "GET", "/cases/new", Map.of(), "clinician", Set.of(), session);
    }

    private HttpServletRequest post(Map<String, String> parameters) {
        return WebFakes.request(context, "POST", "/cases/new", parameters, "clinician", Set.of(), session);
    }
}
