package org.oncocds.portal.api;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/** JAX-RS security contexts of signed-in API callers. */
final class ApiCallers {

    private ApiCallers() {
    }

    static SecurityContext as(String user, String... roles) {
        Set<String> granted = Set.of(roles);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
