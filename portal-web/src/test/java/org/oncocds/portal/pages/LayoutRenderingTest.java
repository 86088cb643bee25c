package org.oncocds.portal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;

/** The layout offers each user what the user's roles allow, and nothing to anonymous visitors. */
class LayoutRenderingTest {

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context);

    @Test
    void aClinicianIsOfferedANewCaseButNotTheAuditTrail() throws IOException {
        String html = render("home", "clara", Set.of("clinician"));

        assertTrue(html.contains("<strong id=\"user-name\">clara</strong>"), html);
        assertTrue(html.contains("id=\"nav-new-case\""));
        assertFalse(html.contains("id=\"nav-audit\""));
        assertTrue(html.contains("<button id=\"logout\" type=\"submit\">Log out</button>"));
    }

    @Test
    void aComplianceOfficerIsOfferedTheAuditTrailButNoNewCase() throws IOException {
        String html = render("home", "colin", Set.of("compliance-officer"));

        assertTrue(html.contains("id=\"nav-audit\""));
        assertFalse(html.contains("id=\"nav-new-case\""));
    }

    @Test
    void anAnonymousVisitorSeesNoNavigationAndGetsNoSession() throws IOException {
        int[] status = new int[1];
        StringWriter body = new StringWriter();
        var request = WebFakes.request(context, "GET", "/signed-out", Map.of(), null, Set.of(), null);
        pages.render(request, WebFakes.response(body, status), "login/signed-out", Map.of());

        assertFalse(body.toString().contains("id=\"user-name\""));
        assertFalse(body.toString().contains("id=\"logout\""));
        assertEquals(null, request.getSession(false), "no session is created for a visitor");
    }

    @Test
    void theUserNameIsEscaped() throws IOException {
        String html = render("home", "<b>x</b>", Set.of("admin"));

        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assertFalse(html.contains("<b>x</b>"));
    }

    private String render(String view, String user, Set<String> roles) throws IOException {
        StringWriter body = new StringWriter();
        pages.render(WebFakes.request(context, "GET", "/", Map.of(), user, roles, null), WebFakes.response(body,
                new int[1]), view, Map.of());
        return body.toString();
    }
}
