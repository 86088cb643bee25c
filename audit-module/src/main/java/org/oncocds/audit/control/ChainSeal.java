package org.oncocds.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals each record's hash with HMAC-SHA-256 under a key only the application servers hold (configuration property
 * {@value #KEY_PROPERTY}), never the database. A hash chain alone can be recomputed by anyone who can write to the
 * database; a seal cannot be recomputed without the key, so a chain rewritten by hand no longer verifies. The key is
 * never stored, logged or put into a message.
 */
public final class ChainSeal {

    /** The MicroProfile Config property holding the seal key. */
    public static final String KEY_PROPERTY = "oncocds.audit.seal-key";

    /** The shortest key accepted, in characters: 32 random characters carry well over 128 bits. */
    public static final int MIN_KEY_LENGTH = 32;

    /** Names what is sealed; part of the MAC input so a seal cannot be confused with another use of the key. */
    static final String SEAL_CONTEXT = "oncocds-audit-seal/1:";

    static final String CHECKPOINT_CONTEXT = "oncocds-audit-checkpoint/1:";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private ChainSeal(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * The seal under the configured key.
     *
     * @param configuredKey
     *            the value of {@value #KEY_PROPERTY}
     * @param pseudonymKey
     *            the patient pseudonym key, which the seal key must not equal: one leaked key must not give away both
     * @throws IllegalStateException
     *             naming {@value #KEY_PROPERTY} when the key is missing, too short or equal to the pseudonym key: the
     *             audit trail then records nothing (fail closed)
     */
    public static ChainSeal fromConfiguredKey(Optional<String> configuredKey, Optional<String> pseudonymKey) {
        String value = configuredKey.filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("the configuration property " + KEY_PROPERTY
                        + " is not set; the audit trail records nothing without its seal key"));
        if (value.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("the configuration property " + KEY_PROPERTY + " is shorter than "
                    + MIN_KEY_LENGTH + " characters; the audit trail records nothing with a weak seal key");
        }
        if (pseudonymKey.filter(value::equals).isPresent()) {
            throw new IllegalStateException("the configuration property " + KEY_PROPERTY
                    + " must differ from oncocds.pseudonym.key; the audit trail records nothing until it does");
        }
        return new ChainSeal(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    /** The seal of a record hash: 64 lower-case hex digits. */
    public String sealOf(String recordHash) {
        return mac(SEAL_CONTEXT + recordHash);
    }

    private String mac(String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        }
    }

    /**
     * The signature of a chain checkpoint: HMAC-SHA-256 under the same key over
     * {@code oncocds-audit-checkpoint/1:<sequence number>:<hash>:<epoch microseconds>}; the context differs from a
     * record seal's, so neither can stand in for the other.
     */
    public String signatureOfCheckpoint(long sequenceNumber, String hash, long takenAtEpochMicros) {
        return mac(CHECKPOINT_CONTEXT + sequenceNumber + ":" + hash + ":" + takenAtEpochMicros);
    }

    /** Whether {@code signature} signs that checkpoint under this key; compared in constant time. */
    public boolean isSignatureOfCheckpoint(long sequenceNumber, String hash, long takenAtEpochMicros,
            String signature) {
        return signature != null && MessageDigest.isEqual(
                signatureOfCheckpoint(sequenceNumber, hash, takenAtEpochMicros).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code seal} is the seal of {@code recordHash} under this key; compared in constant time. */
    public boolean isSealOf(String recordHash, String seal) {
        return seal != null && MessageDigest.isEqual(sealOf(recordHash).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }
}
