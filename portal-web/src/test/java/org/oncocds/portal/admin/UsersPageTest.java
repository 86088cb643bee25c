package org.oncocds.portal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.pages.Pages;

/** User administration: every change through Keycloak, recorded without its password; refusals name the field. */
class UsersPageTest {

    private final ServletContext context = WebFakes.servletContext();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final List<String> changes = new ArrayList<>();
    private final List<GovernanceEvent> recorded = new ArrayList<>();

    @Test
    void aCreatedUserIsRecordedWithItsRoleAndWithoutThePassword() throws Exception {
        servlet().doPost(request(Map.of("username", "jdoe", "email", "jdoe@hospital.example", "role", "clinician",
                "password", "a-long-temporary-1")), response);

        assertEquals(302, status[0]);
        assertEquals("/admin/users?created=jdoe", response.getHeader("Location"));
        assertEquals(List.of("create jdoe clinician"), changes);
        GovernanceEvent event = recorded.get(0);
        assertEquals(GovernanceAction.USER_ADMINISTRATION, event.action());
        assertEquals("user jdoe", event.subject());
        assertEquals("created", event.details().get("change"));
        assertFalse(event.details().toString().contains("a-long-temporary-1"), "never the password");
    }

    @Test
    void refusalsNameTheFieldAndChangeNothing() throws Exception {
        servlet().doPost(request(Map.of("username", "jdoe", "role", "clinician", "password", "short")), response);
        assertEquals(400, status[0]);
        assertTrue(body.toString().contains("id=\"error-password\""), body.toString());

        StringWriter taken = new StringWriter();
        servlet().doPost(request(Map.of("username", "taken", "role", "admin", "password", "a-long-temporary-1")),
                WebFakes.response(taken, new int[1]));
        assertTrue(taken.toString().contains("id=\"error-username\""), taken.toString());
        assertTrue(taken.toString().contains("a user with this user name or email exists"), taken.toString());

        StringWriter role = new StringWriter();
        servlet().doPost(request(Map.of("username", "jdoe", "role", "root", "password", "a-long-temporary-1")),
                WebFakes.response(role, new int[1]));
        assertTrue(role.toString().contains("id=\"error-role\""), role.toString());
        assertEquals(List.of(), changes);
        assertEquals(List.of(), recorded);
    }

    @Test
    void disablingIsRecordedAndNobodyDisablesThemselves() throws Exception {
        servlet().doPost(request(Map.of("action", "disable", "id", "id-jdoe")), response);
        assertEquals(302, status[0]);
        assertEquals(List.of("disable id-jdoe"), changes);
        assertEquals("disabled", recorded.get(0).details().get("change"));

        StringWriter self = new StringWriter();
        servlet().doPost(request(Map.of("action", "disable", "id", "id-admin")), WebFakes.response(self, new int[1]));
        assertTrue(self.toString().contains("id=\"error-id\""), self.toString());
        assertEquals(1, changes.size());
    }

    @Test
    void theListShowsEachUsersRolesAndState() throws Exception {
        servlet().doGet(request(Map.of()), response);

        String html = body.toString();
        assertTrue(html.contains("data-username=\"jdoe\""), html);
        assertTrue(html.contains("clinician, compliance-officer"), html);
        assertFalse(html.contains("??"), html);
    }

    private UsersServlet servlet() {
        UsersServlet servlet = new UsersServlet();
        servlet.pages = new Pages(context);
        servlet.governance = new GovernanceLog() {
            @Override
            public AuditReceipt record(GovernanceEvent event) {
                recorded.add(event);
                return new AuditReceipt(recorded.size(), Instant.now());
            }
        };
        servlet.users = new KeycloakUsers() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public List<User> list() {
                return List.of(new User("id-jdoe", "jdoe", "", true, List.of("clinician", "compliance-officer")));
            }

            @Override
            public User create(String username, String email, String role, String temporaryPassword) {
                if (username.equals("taken")) {
                    throw new UserAdministrationException("username", "a user with this user name or email exists");
                }
                changes.add("create " + username + " " + role);
                return new User("id-" + username, username, email, true, List.of(role));
            }

            @Override
            public Optional<User> byId(String id) {
                return Optional.of(new User(id, id.substring(3), "", true, List.of()));
            }

            @Override
            public void disable(String id) {
                changes.add("disable " + id);
            }
        };
        return servlet;
    }

    private HttpServletRequest request(Map<String, String> parameters) {
        return WebFakes.request(context, "POST", "/admin/users", parameters, "admin", Set.of("admin"), WebFakes
                .session());
    }
}
