package org.oncocds.portal.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code /admin/users} (administrators): {@code GET} lists the realm's users with their portal roles and offers the form
 * to create one; {@code POST} creates a user with one role and a temporary password, {@code POST} with
 * {@code action=disable} disables one. Each change is recorded as USER_ADMINISTRATION in the audit trail (the user
 * name, the change, the role; never the password). Refusals come back (400) naming the field.
 */
@WebServlet(UsersServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class UsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/users";
    static final String VIEW = "admin/users";
    static final int MIN_PASSWORD_LENGTH = 12;
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final Logger LOG = Logger.getLogger(UsersServlet.class.getName());

    @Inject
    KeycloakUsers users;

    @Inject
    GovernanceLog governance;

    @Inject
    Pages pages;

    /** A refused field and the reason: a message key of the portal, or Keycloak's words. */
    public record Refusal(String field, String messageKey, String detail) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, Map.of(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("disable".equals(request.getParameter("action"))) {
            disable(request, response);
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (String field : List.of("username", "email", "role")) {
            form.put(field, request.getParameter(field) == null ? "" : request.getParameter(field).strip());
        }
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        Refusal refusal = check(form, password);
        if (refusal == null) {
            try {
                KeycloakUsers.User created = users.create(form.get("username"), form.get("email"), form.get("role"),
                        password);
                record("user " + created.username(), Map.of("change", "created", "role", form.get("role"),
                        "keycloakId", created.id()));
                response.sendRedirect(request.getContextPath() + PATH + "?created=" + created.username());
                return;
            } catch (KeycloakUsers.UserAdministrationException refused) {
                refusal = new Refusal(refused.field(), "admin.users.keycloak", refused.getMessage());
            } catch (ProcessingException unreachable) {
                LOG.log(Level.WARNING, "Keycloak's admin API could not be reached", unreachable);
                refusal = new Refusal("keycloak", "admin.users.unreachable", "");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        render(request, response, form, refusal);
    }

    private void disable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Refusal refusal;
        try {
            Optional<KeycloakUsers.User> user = id == null ? Optional.empty() : users.byId(id);
            if (user.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (request.getUserPrincipal() != null && user.get().username().equals(request.getUserPrincipal()
                    .getName())) {
                refusal = new Refusal("id", "admin.users.notYourself", "");
            } else {
                users.disable(id);
                record("user " + user.get().username(), Map.of("change", "disabled", "keycloakId", id));
                response.sendRedirect(request.getContextPath() + PATH + "?disabled=" + user.get().username());
                return;
            }
        } catch (KeycloakUsers.UserAdministrationException refused) {
            refusal = new Refusal(refused.field(), "admin.users.keycloak", refused.getMessage());
        } catch (ProcessingException unreachable) {
            LOG.log(Level.WARNING, "Keycloak's admin API could not be reached", unreachable);
            refusal = new Refusal("keycloak", "admin.users.unreachable", "");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        render(request, response, Map.of(), refusal);
    }

    /** The portal's own checks before Keycloak is asked; null when the form may be sent. */
    static Refusal check(Map<String, String> form, String password) {
        if (!USERNAME.matcher(form.get("username")).matches()) {
            return new Refusal("username", "admin.users.error.username", "");
        }
        if (!form.get("email").isEmpty() && !EMAIL.matcher(form.get("email")).matches()) {
            return new Refusal("email", "admin.users.error.email", "");
        }
        if (!KeycloakUsers.PORTAL_ROLES.contains(form.get("role"))) {
            return new Refusal("role", "admin.users.error.role", "");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return new Refusal("password", "admin.users.error.password", String.valueOf(MIN_PASSWORD_LENGTH));
        }
        return null;
    }

    private void record(String subject, Map<String, String> details) {
        governance.record(new GovernanceEvent(UUID.randomUUID().toString(), GovernanceAction.USER_ADMINISTRATION,
                subject, details));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            Refusal refusal) throws IOException {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("username", "email", "role")) {
            values.put(field, form.getOrDefault(field, ""));
        }
        model.put("form", values);
        model.put("refusal", refusal);
        model.put("roles", KeycloakUsers.PORTAL_ROLES);
        model.put("configured", users.configured());
        model.put("created", request.getParameter("created"));
        model.put("disabled", request.getParameter("disabled"));
        model.put("minPassword", MIN_PASSWORD_LENGTH);
        List<KeycloakUsers.User> listed = List.of();
        if (users.configured()) {
            try {
                listed = users.list();
            } catch (KeycloakUsers.UserAdministrationException | ProcessingException failed) {
                LOG.log(Level.WARNING, "the realm's users could not be listed", failed);
                model.put("listFailed", true);
            }
        }
        model.put("users", listed);
        pages.render(request, response, VIEW, model);
    }
}
