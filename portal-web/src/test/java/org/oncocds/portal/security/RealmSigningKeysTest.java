package org.oncocds.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The realm's keys are converted once, and a rotation (the key source listing other keys) takes effect at once. */
class RealmSigningKeysTest {

    private static final RSAKey FIRST = key("first");
    private static final RSAKey SECOND = key("second");

    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(FIRST.toPublicJWK()));
    private final JWKSource<SecurityContext> source = (selector, context) -> selector.select(published.get());

    @Test
    void aKeyIsConvertedOnceAndThenReused() throws Exception {
        RealmSigningKeys keys = new RealmSigningKeys(source);

        List<Key> first = keys.selectJWSKeys(header(FIRST), null);
        List<Key> again = keys.selectJWSKeys(header(FIRST), null);

        assertEquals(1, first.size());
        assertSame(first.get(0), again.get(0));
        assertEquals(FIRST.toRSAPublicKey(), first.get(0));
        assertEquals(1, keys.keptKeys());
    }

    @Test
    void aRotatedKeyIsUsedAndTheRetiredOneNoLonger() throws Exception {
        BearerTokens tokens = new BearerTokens(BearerTokensTest.ISSUER, BearerTokensTest.AUDIENCE, source);
        String byFirst = BearerTokensTest.token(FIRST, claims -> claims);
        String bySecond = BearerTokensTest.token(SECOND, claims -> claims);
        assertEquals("clinician", tokens.verify(byFirst).name());

        published.set(new JWKSet(SECOND.toPublicJWK()));

        assertEquals("clinician", tokens.verify(bySecond).name());
        BearerTokens.InvalidTokenException refused = assertThrows(BearerTokens.InvalidTokenException.class,
                () -> tokens.verify(byFirst));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void aKeyWithTheSameIdButOtherMaterialIsNotMistakenForTheCachedOne() throws Exception {
        RSAKey sameIdOtherKey = key("first");
        RealmSigningKeys keys = new RealmSigningKeys(source);
        keys.selectJWSKeys(header(FIRST), null);

        published.set(new JWKSet(sameIdOtherKey.toPublicJWK()));
        List<Key> selected = keys.selectJWSKeys(header(FIRST), null);

        assertEquals(List.of(sameIdOtherKey.toRSAPublicKey()), selected);
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        RealmSigningKeys keys = new RealmSigningKeys(source);

        assertEquals(List.of(), keys.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("first").build(),
                null));
    }

    private static JWSHeader header(RSAKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
