package org.oncocds.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises the stand-in request Payara's OpenID Connect mechanism (Soteria) restores right after a login: a portal
 * page (not the callback) whose query carries Keycloak's {@code state} and {@code code}. It carries no EJB security
 * identity and its {@code getParameter} throws, so the login filters treat it apart (see
 * {@code login.ReturnAfterLoginFilter} and {@link LoginRecordFilter}).
 */
public final class RestoredLoginRequest {

    /** The parameters Keycloak appends to the callback, which Soteria carries over to the page first asked for. */
    static final Set<String> CALLBACK_PARAMETERS = Set.of("state", "code");

    private static final String CALLBACK_PATH = "/callback";

    private RestoredLoginRequest() {
    }

    /** No page of the portal takes parameters of these names. The query is read raw: the stand-in's getParameter throws. */
    public static boolean isRestored(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || request.getRequestURI().endsWith(CALLBACK_PATH)) {
            return false;
        }
        Set<String> names = Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)[0]).collect(Collectors
                .toSet());
        return names.containsAll(CALLBACK_PARAMETERS);
    }
}
