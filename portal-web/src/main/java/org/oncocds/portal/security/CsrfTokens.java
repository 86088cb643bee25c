package org.oncocds.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One secret token per session that every POST form carries in a hidden field. A page of another site can make the
 * browser send the session cookie, but it cannot read the token, so its forged POST is refused.
 */
public final class CsrfTokens {

    /** The hidden form field carrying the token. */
    public static final String PARAMETER = "_csrf";

    static final String SESSION_ATTRIBUTE = CsrfTokens.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, created with the session if need be. */
    public static String tokenFor(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        String created = newToken();
        session.setAttribute(SESSION_ATTRIBUTE, created);
        return created;
    }

    /** Whether the request carries its session's token; false without a session or token. */
    public static boolean isValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(PARAMETER);
        if (session == null || sent == null) {
            return false;
        }
        Object expected = session.getAttribute(SESSION_ATTRIBUTE);
        return expected instanceof String token && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
