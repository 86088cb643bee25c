package org.oncocds.portal.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.oncocds.portal.security.Roles;

/**
 * The signed-in user as the page layout needs it: the name and which parts of the portal to offer.
 *
 * @param signedIn
 *            false on pages shown before login or after logout
 * @param name
 *            the Keycloak user name, or empty
 */
public record CurrentUser(boolean signedIn, String name, boolean clinician, boolean complianceOfficer,
        boolean admin, boolean dataManager) {

    static final CurrentUser ANONYMOUS = new CurrentUser(false, "", false, false, false, false);

    static CurrentUser of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return ANONYMOUS;
        }
        return new CurrentUser(true, principal.getName(), request.isUserInRole(Roles.CLINICIAN), request
                .isUserInRole(Roles.COMPLIANCE_OFFICER), request.isUserInRole(Roles.ADMIN),
                request.isUserInRole(
                        Roles.DATA_MANAGER));
    }
}
