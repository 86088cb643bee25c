package org.oncocds.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.portal.WebFakes;

/** Logins, logouts and refusals in the audit trail: once per session, the path without its query, nothing secret. */
class GovernanceEventsTest {

    private final ServletContext context = WebFakes.servletContext();
    private final HttpSession session = WebFakes.session();
    private final List<GovernanceEvent> recorded = new ArrayList<>();
    private final GovernanceEvents events = new GovernanceEvents();
    private RuntimeException failure;

    GovernanceEventsTest() {
        events.governanceLog = new GovernanceLog() {
            @Override
            public AuditReceipt record(GovernanceEvent event) {
                if (failure != null) {
                    throw failure;
                }
                recorded.add(event);
                return new AuditReceipt(recorded.size(), Instant.now());
            }
        };
    }

    @Test
    void aLoginIsRecordedOncePerSession() throws Exception {
        LoginRecordFilter filter = new LoginRecordFilter();
        filter.events = events;
        for (int i = 0; i < 3; i++) {
            filter.doFilter(request("GET", "/audit"), WebFakes.response(new StringWriter(), new int[1]), (request,
                    response) -> {
            });
        }

        assertEquals(1, recorded.size());
        GovernanceEvent login = recorded.get(0);
        assertEquals(GovernanceAction.LOGIN, login.action());
        assertEquals("user compliance", login.subject());
        assertEquals("compliance-officer", login.details().get("roles"));
    }

    @Test
    void theRestoredRequestAfterLoginAndTheApiRecordNoLogin() throws Exception {
        LoginRecordFilter filter = new LoginRecordFilter();
        filter.events = events;
        HttpServletRequest restored = WebFakes.request(context, "GET", "/audit", Map.of(), "compliance", Set.of(
                "compliance-officer"), session);
        HttpServletRequest withState = (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(getClass()
                .getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> method.getName()
                        .equals("getQueryString") ? "state=s&code=c" : method.invoke(restored, args));
        filter.doFilter(withState, WebFakes.response(new StringWriter(), new int[1]), (request, response) -> {
        });
        filter.doFilter(request("POST", "/api/bias-reports"), WebFakes.response(new StringWriter(), new int[1]), (
                request, response) -> {
        });

        assertEquals(List.of(), recorded);
    }

    @Test
    void aRefusalNamesThePathWithoutItsQuery() {
        events.accessDenied(request("GET", "/audit"), "GET", "/audit/record?id=7&mrn=123", "role");

        GovernanceEvent denied = recorded.get(0);
        assertEquals(GovernanceAction.ACCESS_DENIED, denied.action());
        assertEquals("path /audit/record", denied.subject());
        assertEquals("compliance", denied.details().get("user"));
        assertEquals("role", denied.details().get("reason"));
        assertFalse(denied.details().values().stream().anyMatch(value -> value.contains("123")));
    }

    @Test
    void aLogoutIsRecordedAndAFailingTrailNeverBlocksTheUser() {
        events.logout(request("POST", "/logout"));
        assertEquals(GovernanceAction.LOGOUT, recorded.get(0).action());

        failure = new EJBException("seal key missing");
        events.accessDenied(request("GET", "/cases/new"), "GET", "/cases/new", "role");
        assertTrue(recorded.size() == 1, "nothing more recorded, and no exception reached the page");
    }

    private HttpServletRequest request(String method, String path) {
        return WebFakes.request(context, method, path, Map.of(), "compliance", Set.of("compliance-officer"),
                session);
    }
}
