package org.oncocds.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which Keycloak access tokens the REST API accepts, with keys made here instead of Keycloak's. */
public class BearerTokensTest {

    public static final String ISSUER = "http://127.0.0.1:28180/realms/oncology";
    public static final String AUDIENCE = "oncocds-api";

    static final RSAKey REALM_KEY = key("realm-key");
    static final RSAKey OTHER_KEY = key("realm-key");

    private final BearerTokens tokens = new BearerTokens(ISSUER, AUDIENCE, new ImmutableJWKSet<>(new JWKSet(REALM_KEY
            .toPublicJWK())));

    @Test
    void aValidAccessTokenNamesTheUserAndTheirRealmRoles() {
        BearerTokens.ApiCaller caller = tokens.verify(token(claims -> claims));

        assertEquals("clinician", caller.name());
        assertEquals(Set.of("clinician"), caller.groups());
    }

    @Test
    void theAuthorizedPartyCountsAsAudienceToo() {
        BearerTokens.ApiCaller caller = tokens.verify(token(claims -> claims.audience("account").claim("azp",
                AUDIENCE)));

        assertEquals("clinician", caller.name());
    }

    @Test
    void expiredTokensAreRefused() {
        Instant past = Instant.now().minusSeconds(600);
        assertRefused(token(claims -> claims.issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(
                past))), "Expired");
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRefused(token(claims -> claims.issuer("http://127.0.0.1:28180/realms/other")), "iss");
    }

    @Test
    void anotherAudienceIsRefused() {
        assertRefused(token(claims -> claims.audience("account").claim("azp", "oncocds-portal")), AUDIENCE);
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        assertRefused(token(claims -> claims.claim("typ", "ID")), "typ");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertRefused(token(OTHER_KEY, claims -> claims), "");
    }

    @Test
    void unsignedOrMalformedTokensAreRefused() {
        assertRefused(new PlainJWT(claims(claims -> claims)).serialize(), "");
        assertRefused("not-a-token", "not a signed JWT");
    }

    @Test
    void theReasonNeverRepeatsTheToken() {
        String token = token(claims -> claims.issuer("http://elsewhere"));
        BearerTokens.InvalidTokenException refused = assertThrows(BearerTokens.InvalidTokenException.class,
                () -> tokens.verify(token));
        assertFalse(refused.getMessage().contains(token.substring(token.lastIndexOf('.') + 1)));
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItsExpiryAndNotAfter() {
        Instant now = Instant.now();
        MovableClock clock = new MovableClock(now);
        BearerTokens remembering = new BearerTokens(ISSUER, AUDIENCE, realmKeys(), clock);
        String token = token(claims -> claims.expirationTime(Date.from(now.plusSeconds(120))));

        assertEquals("clinician", remembering.verify(token).name());
        assertEquals(1, remembering.rememberedTokens());
        assertEquals("clinician", remembering.verify(token).name());

        clock.now = now.plusSeconds(120 + BearerTokens.CLOCK_SKEW_SECONDS + 1);
        assertThrows(BearerTokens.InvalidTokenException.class, () -> remembering.verify(token));
        assertEquals(0, remembering.rememberedTokens());
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String forged = token(OTHER_KEY, claims -> claims);
        String elsewhere = token(claims -> claims.audience("account").claim("azp", "oncocds-portal"));

        assertThrows(BearerTokens.InvalidTokenException.class, () -> tokens.verify(forged));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> tokens.verify(forged));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> tokens.verify(elsewhere));
        assertEquals(0, tokens.rememberedTokens());
    }

    @Test
    void distinctTokensNameTheirOwnCallers() {
        String clinician = token("clinician", List.of("clinician"));
        String compliance = token("compliance", List.of("compliance-officer"));

        assertEquals("clinician", tokens.verify(clinician).name());
        assertEquals(new BearerTokens.ApiCaller("compliance", Set.of("compliance-officer")), tokens.verify(
                compliance));
        assertEquals(new BearerTokens.ApiCaller("clinician", Set.of("clinician")), tokens.verify(clinician));
        assertEquals(2, tokens.rememberedTokens());
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void assertRefused(String token, String reasonPart) {
        BearerTokens.InvalidTokenException refused = assertThrows(BearerTokens.InvalidTokenException.class,
                () -> tokens.verify(token));
        assertTrue(refused.getMessage().contains(reasonPart), refused.getMessage());
    }

    /** A signed access token for the demo clinician, changed by {@code change}. */
    public static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return token(REALM_KEY, change);
    }

    /** A signed access token with the given user and roles. */
    public static String token(String user, List<String> groups) {
        return token(claims -> claims.claim("preferred_username", user).claim("groups", groups));
    }

    static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims(change));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).subject("4f1c").audience(AUDIENCE).claim("azp",
                AUDIENCE).claim("typ", "Bearer").claim("preferred_username", "clinician").claim("groups", List.of(
                        "clinician"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))).build();
    }

    /** The keys the tests' realm publishes. */
    public static ImmutableJWKSet<com.nimbusds.jose.proc.SecurityContext> realmKeys() {
        return new ImmutableJWKSet<>(new JWKSet(REALM_KEY.toPublicJWK()));
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
