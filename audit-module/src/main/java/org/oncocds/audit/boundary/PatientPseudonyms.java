package org.oncocds.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a medical record number (MRN) into a patient pseudonym: HMAC-SHA-256 keyed with the secret configured as
 * {@value #KEY_PROPERTY}, written as 64 lower-case hex digits. The same MRN always gives the same pseudonym under one
 * key, so the records of one patient can be found again, but without the key the MRN cannot be recovered or guessed
 * by trying numbers. Neither the MRN nor the key is ever stored or logged.
 */
@ApplicationScoped
public class PatientPseudonyms {

    /** The MicroProfile Config property holding the key. */
    public static final String KEY_PROPERTY = "oncocds.pseudonym.key";

    /** The shortest key accepted, in characters: 32 random characters carry well over 128 bits. */
    public static final int MIN_KEY_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private Optional<String> configuredKey;

    /** For the CDI container's proxy. */
    protected PatientPseudonyms() {
    }

    @Inject
    PatientPseudonyms(@ConfigProperty(name = KEY_PROPERTY) Optional<String> configuredKey) {
        this.configuredKey = configuredKey;
    }

    /**
     * The pseudonym of an MRN; surrounding white space is ignored.
     *
     * @throws IllegalArgumentException
     *             when the MRN is missing or blank
     * @throws IllegalStateException
     *             when the key is not configured or too short
     */
    public String pseudonymOf(String mrn) {
        if (mrn == null || mrn.isBlank()) {
            throw new IllegalArgumentException("mrn is required");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(mrn.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        String key = configuredKey.orElseThrow(() -> new IllegalStateException(
                "the configuration property " + KEY_PROPERTY + " is not set; patient pseudonyms need a secret key"));
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("the configuration property " + KEY_PROPERTY + " is shorter than "
                    + MIN_KEY_LENGTH + " characters");
        }
        return new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
}
