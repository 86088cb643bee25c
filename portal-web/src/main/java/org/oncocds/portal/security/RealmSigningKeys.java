package org.oncocds.portal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The realm's RS256 signing keys that match a token's header, as Java keys. The library's selector converts every
 * matching key from its JWK form on every token (decoding the modulus and building the key: about 6% of the server's
 * CPU under the API's load); this one converts a key once and keeps it under its modulus and exponent. Which keys
 * match is still asked of the key source on every token, so a key the realm rotated out (and the source no longer
 * lists after its refresh) is never used again, and a new key is converted the first time a token names it.
 */
final class RealmSigningKeys extends JWSVerificationKeySelector<SecurityContext> {

    /** More distinct keys than a realm publishes over many rotations; past it the cache starts again. */
    static final int MOST_KEYS_KEPT = 32;

    private final Map<Material, RSAPublicKey> converted = new ConcurrentHashMap<>();

    RealmSigningKeys(JWKSource<SecurityContext> keys) {
        super(JWSAlgorithm.RS256, keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!isAllowed(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = createJWKMatcher(header);
        if (matcher == null) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
            if (jwk instanceof RSAKey rsa) {
                keys.add(publicKey(rsa));
            }
        }
        return keys;
    }

    private RSAPublicKey publicKey(RSAKey jwk) throws KeySourceException {
        Material material = new Material(jwk.getModulus(), jwk.getPublicExponent());
        RSAPublicKey key = converted.get(material);
        if (key != null) {
            return key;
        }
        try {
            key = jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new KeySourceException("the realm's key " + jwk.getKeyID() + " is not a usable RSA public key", e);
        }
        if (converted.size() >= MOST_KEYS_KEPT) {
            converted.clear();
        }
        converted.putIfAbsent(material, key);
        return key;
    }

    /** How many converted keys are kept (for tests). */
    int keptKeys() {
        return converted.size();
    }

    /** What makes an RSA public key: its modulus and public exponent, as the JWK carries them. */
    private record Material(Base64URL modulus, Base64URL exponent) {
    }
}
