package org.oncocds.portal.security;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests belong to the REST API: everything under {@code /api}, which takes bearer tokens, not sessions. */
public final class ApiPaths {

    /** The API's path below the context root. */
    public static final String PREFIX = "/api";

    private ApiPaths() {
    }

    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }
}
