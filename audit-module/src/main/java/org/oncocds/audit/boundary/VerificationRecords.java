package org.oncocds.audit.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oncocds.audit.control.ChainSeal;
import org.oncocds.audit.control.ChainWalk;
import org.oncocds.audit.control.JsonProcessing;

/**
 * A verification run as a {@code CHAIN_VERIFIED} governance record and back: its details hold the result
 * ({@code intact}, {@code recordsChecked}, {@code verifiedAt} and, when broken, {@code brokenRecordId},
 * {@code brokenSequenceNumber}, {@code problem}), the kept checkpoint it was checked against ({@code againstCheckpoint})
 * and, when intact, a checkpoint of the verified head signed at that moment ({@code checkpoint}).
 */
final class VerificationRecords {

    static final String SUBJECT = "audit-chain";
    private static final int MAX_PROBLEM_LENGTH = GovernanceRules.MAX_DETAIL_VALUE_LENGTH;

    private VerificationRecords() {
    }

    static ChainVerification result(ChainWalk walk, Optional<ChainWalk.Break> broken, Instant verifiedAt) {
        return broken.map(b -> new ChainVerification(false, walk.recordsChecked(), b.recordId(), b.sequenceNumber(), b
                .problem(), verifiedAt))
                .orElseGet(() -> new ChainVerification(true, walk.recordsChecked(), null, null, null, verifiedAt));
    }

    /** A checkpoint of the head the walk ended at, signed now; null when the walk found a break. */
    static ChainCheckpoint checkpointIfIntact(ChainSeal seal, ChainWalk walk) {
        return walk.firstBreak().isPresent()
                ? null
                : signedCheckpoint(seal, walk.lastSequenceNumber(), walk.lastHash());
    }

    static ChainCheckpoint signedCheckpoint(ChainSeal seal, long sequenceNumber, String hash) {
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new ChainCheckpoint(sequenceNumber, hash, takenAt, seal.signatureOfCheckpoint(sequenceNumber, hash,
                epochMicros(takenAt)));
    }

    static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static GovernanceEvent event(ChainVerification result, ChainCheckpoint signedNow, ChainCheckpoint against) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("intact", Boolean.toString(result.intact()));
        details.put("recordsChecked", Long.toString(result.recordsChecked()));
        details.put("verifiedAt", result.verifiedAt().toString());
        if (result.brokenRecordId() != null) {
            details.put("brokenRecordId", result.brokenRecordId().toString());
        }
        if (result.brokenSequenceNumber() != null) {
            details.put("brokenSequenceNumber", result.brokenSequenceNumber().toString());
        }
        if (result.problem() != null) {
            String problem = result.problem();
            details.put("problem", problem.length() > MAX_PROBLEM_LENGTH
                    ? problem.substring(0, MAX_PROBLEM_LENGTH)
                    : problem);
        }
        if (against != null) {
            details.put("againstCheckpoint", against.asText());
        }
        if (signedNow != null) {
            details.put("checkpoint", signedNow.asText());
        }
        return new GovernanceEvent(null, GovernanceAction.CHAIN_VERIFIED, SUBJECT, details);
    }

    static ChainVerification parse(String detailsJson) {
        JsonObject details = read(detailsJson);
        return new ChainVerification(Boolean.parseBoolean(details.getString("intact", "false")), Long.parseLong(
                details.getString("recordsChecked", "0")), optionalLong(details, "brokenRecordId"),
                optionalLong(
                        details, "brokenSequenceNumber"),
                details.getString("problem", null), Instant.parse(details
                        .getString("verifiedAt")));
    }

    static Optional<ChainCheckpoint> checkpointIn(String detailsJson) {
        return Optional.ofNullable(read(detailsJson).getString("checkpoint", null)).map(ChainCheckpoint::parse);
    }

    private static Long optionalLong(JsonObject details, String key) {
        String value = details.getString(key, null);
        return value == null ? null : Long.valueOf(value);
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = JsonProcessing.reader(json)) {
            return reader.readObject();
        }
    }
}
