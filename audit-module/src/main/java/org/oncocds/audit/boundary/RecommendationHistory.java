package org.oncocds.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.oncocds.audit.control.RecommendedOption;
import org.oncocds.audit.control.RecordSearch;
import org.oncocds.audit.entity.AuditRecord;

/**
 * The recorded recommendations of a task in a time range, each with the option the clinician chose, for live
 * monitoring of outcomes and bias. Read-only.
 */
@Stateless
@RolesAllowed({"compliance-officer", "admin"})
public class RecommendationHistory {

    /** The most recommendations one call returns; a wider range is refused rather than cut short. */
    public static final int MAX_RESULTS = 100_000;

    @Inject
    RecordSearch records;

    /**
     * Recommendations of {@code taskId} recorded in {@code [from, toExclusive)}, oldest first.
     *
     * @throws IllegalArgumentException
     *             naming {@code taskId} (missing), {@code from} / {@code toExclusive} (missing, or from not before
     *             toExclusive), or {@code toExclusive} when the range holds more than {@value #MAX_RESULTS}
     *             recommendations (narrow it)
     */
    public List<RecommendationFact> recommendations(String taskId, Instant from, Instant toExclusive) {
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("taskId is required");
        }
        if (from == null || toExclusive == null) {
            throw new IllegalArgumentException((from == null ? "from" : "toExclusive") + " is required");
        }
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("from must be before toExclusive");
        }
        List<Object[]> rows = records.recommendationsOfTask(taskId, epochMicros(from), epochMicros(toExclusive),
                MAX_RESULTS + 1);
        if (rows.size() > MAX_RESULTS) {
            throw new IllegalArgumentException("toExclusive: the range holds more than " + MAX_RESULTS
                    + " recommendations; ask for a shorter range");
        }
        return rows.stream().map(row -> fact((AuditRecord) row[0], (AuditRecord) row[1])).toList();
    }

    private static RecommendationFact fact(AuditRecord recommendation, AuditRecord decision) {
        return new RecommendationFact(recommendation.getId(), recommendation.getRecordedAt(),
                recommendation.getPatientPseudonym(), recommendation.getModelVersion(), recommendation.getInputsJson(),
                recommendation.getOutputsJson(), chosenOption(recommendation, decision));
    }

    /** Accepted: the recommended option the outputs name (if any); overridden: the option chosen; no decision: null. */
    static String chosenOption(AuditRecord recommendation, AuditRecord decision) {
        if (decision == null) {
            return null;
        }
        if (Decision.OVERRIDDEN.name().equals(decision.getDecision())) {
            return decision.getChosenOption();
        }
        return RecommendedOption.in(recommendation.getOutputsJson()).orElse(null);
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
