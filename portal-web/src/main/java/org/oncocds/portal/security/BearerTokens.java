package org.oncocds.portal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a Keycloak access token presented to the REST API: its RS256 signature against the realm's published keys, the
 * issuer (exactly the configured realm), the expiry, that it is an access token ({@code typ} Bearer) issued for the
 * API ({@code aud} contains the API's audience, or {@code azp} is it), and reads the caller's name and roles.
 */
public final class BearerTokens {

    /** The clock skew allowed on {@code exp} and {@code nbf}, in seconds. */
    static final int CLOCK_SKEW_SECONDS = 30;

    private final String audience;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param issuer
     *            the realm's URL, e.g. {@code http://127.0.0.1:8180/realms/oncology}
     * @param audience
     *            the audience the API's tokens carry
     * @param keys
     *            the realm's signing keys
     */
    public BearerTokens(String issuer, String audience, JWKSource<SecurityContext> keys) {
        this.audience = audience;
        processor.setJWSKeySelector(new RealmSigningKeys(keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(), Set.of("sub", "exp",
                        "iat"));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The caller the token names.
     *
     * @throws InvalidTokenException
     *             with a reason that names no part of the token, when anything is wrong with it
     */
    public ApiCaller verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a signed JWT");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("the token was refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidTokenException("the token's signature could not be checked: " + e.getMessage());
        }
        if (!issuedForTheApi(claims)) {
            throw new InvalidTokenException("the token was not issued for " + audience + " (aud/azp)");
        }
        try {
            String name = claims.getStringClaim("preferred_username");
            List<String> groups = claims.getStringListClaim("groups");
            return new ApiCaller(name == null || name.isBlank() ? claims.getSubject() : name, groups == null
                    ? Set.of()
                    : Set.copyOf(new HashSet<>(groups)));
        } catch (ParseException e) {
            throw new InvalidTokenException("the token's preferred_username or groups claim is malformed");
        }
    }

    private boolean issuedForTheApi(JWTClaimsSet claims) {
        List<String> audiences = claims.getAudience();
        Object authorizedParty = claims.getClaim("azp");
        return (audiences != null && audiences.contains(audience)) || audience.equals(authorizedParty);
    }

    /** Who called the API: the Keycloak user name and the realm roles from the {@code groups} claim. */
    public record ApiCaller(String name, Set<String> groups) {
    }

    /** A token that must not be accepted; the message says why without repeating the token. */
    public static final class InvalidTokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidTokenException(String message) {
            super(message);
        }
    }
}
