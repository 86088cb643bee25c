package org.oncocds.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;

/**
 * The portal's security events in the audit trail (records of kind GOVERNANCE): a login once per session, a logout,
 * and every refused request (403) with its path. Never a token, a password, a query string or an MRN: only the user
 * name, the roles, the method and the path.
 * <p>
 * A security event that cannot be recorded (e.g. the audit trail's seal key is missing) is logged as SEVERE and does
 * not block the user: the refusal or the logout happens anyway, and recommendations themselves fail closed in that
 * state.
 */
@ApplicationScoped
public class GovernanceEvents {

    /** Set on the session once its login is recorded. */
    static final String LOGIN_RECORDED = GovernanceEvents.class.getName() + ".login";

    private static final Logger LOG = Logger.getLogger(GovernanceEvents.class.getName());

    @Inject
    GovernanceLog governanceLog;

    /** Records the signed-in user's login, once per session; a request without a user or session records nothing. */
    public void loginOnce(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(LOGIN_RECORDED) != null) {
            return;
        }
        session.setAttribute(LOGIN_RECORDED, Boolean.TRUE);
        String user = request.getUserPrincipal().getName();
        record(GovernanceAction.LOGIN, "user " + user, Map.of("roles", roles(request), "via", "openid-connect"));
    }

    /** Records the user's logout, before the session ends. */
    public void logout(HttpServletRequest request) {
        if (request.getUserPrincipal() != null) {
            record(GovernanceAction.LOGOUT, "user " + request.getUserPrincipal().getName(), Map.of("roles", roles(
                    request)));
        }
    }

    /**
     * Records a refused request.
     *
     * @param path
     *            the path asked for, without its query string
     * @param reason
     *            {@code role} (the user's roles do not allow it) or {@code csrf} (a form not sent from the session)
     */
    public void accessDenied(HttpServletRequest request, String method, String path, String reason) {
        String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        record(GovernanceAction.ACCESS_DENIED, "path " + withoutQuery(path), Map.of("user", user, "method",
                method == null ? "" : method, "reason", reason, "roles", roles(request)));
    }

    static String withoutQuery(String path) {
        String bare = path == null ? "" : path;
        int query = bare.indexOf('?');
        bare = query < 0 ? bare : bare.substring(0, query);
        return bare.length() > 200 ? bare.substring(0, 200) : bare;
    }

    private static String roles(HttpServletRequest request) {
        StringBuilder roles = new StringBuilder();
        for (String role : new String[]{Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN}) {
            if (request.isUserInRole(role)) {
                roles.append(roles.length() == 0 ? "" : ",").append(role);
            }
        }
        return roles.toString();
    }

    private void record(GovernanceAction action, String subject, Map<String, String> details) {
        try {
            governanceLog.record(new GovernanceEvent(UUID.randomUUID().toString(), action, subject, details));
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, action + " of " + subject + " could not be recorded in the audit trail", failed);
        }
    }
}
