package org.oncocds.portal.api;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;

/** The role check of each endpoint, answered as a JSON 403 naming the roles that may call it. */
final class ApiAccess {

    private ApiAccess() {
    }

    static void require(SecurityContext caller, String... roles) {
        if (caller == null || caller.getUserPrincipal() == null) {
            throw new ApiProblem(401, "Authorization", "a bearer token is required");
        }
        if (Arrays.stream(roles).noneMatch(caller::isUserInRole)) {
            throw new ApiProblem(403, "role", "this needs the role " + String.join(" or ", roles));
        }
    }
}
