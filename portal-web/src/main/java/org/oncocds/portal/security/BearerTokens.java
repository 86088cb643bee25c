package org.oncocds.portal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a Keycloak access token presented to the REST API: its RS256 signature against the realm's published keys, the
 * issuer (exactly the configured realm), the expiry, that it is an access token ({@code typ} Bearer) issued for the
 * API ({@code aud} contains the API's audience, or {@code azp} is it), and reads the caller's name and roles.
 */
public final class BearerTokens {

    /** The clock skew allowed on {@code exp} and {@code nbf}, in seconds. */
    static final int CLOCK_SKEW_SECONDS = 30;

    /** The most verified tokens remembered; past it expired ones are dropped, and if none is, all are. */
    static final int MOST_TOKENS_KEPT = 10_000;

    private final String audience;
    private final Clock clock;
    private final RealmSigningKeys signingKeys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * @param issuer
     *            the realm's URL, e.g. {@code http://127.0.0.1:8180/realms/oncology}
     * @param audience
     *            the audience the API's tokens carry
     * @param keys
     *            the realm's signing keys
     */
    public BearerTokens(String issuer, String audience, JWKSource<SecurityContext> keys) {
        this(issuer, audience, keys, Clock.systemUTC());
    }

    BearerTokens(String issuer, String audience, JWKSource<SecurityContext> keys, Clock clock) {
        this.audience = audience;
        this.clock = clock;
        this.signingKeys = new RealmSigningKeys(keys);
        processor.setJWSKeySelector(signingKeys);
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(), Set.of("sub", "exp",
                        "iat")) {

            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The caller the token names. A client uses its access token for many requests, so a token that passed every
     * check is remembered (under its SHA-256) with its caller until its {@code exp}; a remembered token is accepted
     * again only while the realm still publishes the keys that were selected for it, so a key rotated out of the realm
     * ends its tokens as it would without the memory.
     *
     * @throws InvalidTokenException
     *             with a reason that names no part of the token, when anything is wrong with it
     */
    public ApiCaller verify(String token) {
        String digest = sha256(token);
        Verified known = verified.get(digest);
        if (known != null) {
            if (clock.instant().isBefore(known.expires()) && stillPublished(known)) {
                return known.caller();
            }
            verified.remove(digest, known);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = processor.process(jwt, null);
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
        ApiCaller caller;
        try {
            String name = claims.getStringClaim("preferred_username");
            List<String> groups = claims.getStringListClaim("groups");
            caller = new ApiCaller(name == null || name.isBlank() ? claims.getSubject() : name, groups == null
                    ? Set.of()
                    : Set.copyOf(new HashSet<>(groups)));
        } catch (ParseException e) {
            throw new InvalidTokenException("the token's preferred_username or groups claim is malformed");
        }
        remember(digest, jwt.getHeader(), claims.getExpirationTime().toInstant(), caller);
        return caller;
    }

    /** How many verified tokens are remembered (for tests). */
    int rememberedTokens() {
        return verified.size();
    }

    private void remember(String digest, JWSHeader header, Instant expires, ApiCaller caller) {
        List<Key> keys = keysFor(header);
        if (keys.isEmpty()) {
            return;
        }
        if (verified.size() >= MOST_TOKENS_KEPT) {
            Instant now = clock.instant();
            verified.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (verified.size() >= MOST_TOKENS_KEPT) {
                verified.clear();
            }
        }
        verified.put(digest, new Verified(caller, expires, header, keys));
    }

    private boolean stillPublished(Verified known) {
        return keysFor(known.header()).containsAll(known.keys());
    }

    private List<Key> keysFor(JWSHeader header) {
        try {
            return signingKeys.selectJWSKeys(header, null);
        } catch (KeySourceException e) {
            return List.of();
        }
    }

    private static String sha256(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private boolean issuedForTheApi(JWTClaimsSet claims) {
        List<String> audiences = claims.getAudience();
        Object authorizedParty = claims.getClaim("azp");
        return (audiences != null && audiences.contains(audience)) || audience.equals(authorizedParty);
    }

    /** A token that passed every check: who it names, until when, and the keys selected for its header. */
    private record Verified(ApiCaller caller, Instant expires, JWSHeader header, List<Key> keys) {
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
