package org.oncocds.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import org.oncocds.audit.entity.AuditKind;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Appends a clinician's decision on a recommendation. The rules that need the database are checked under the chain
 * head's lock, so two decisions on one recommendation cannot both pass: the recommendation must exist, must have been
 * asked for by the deciding clinician and must not have a decision yet.
 */
@Dependent
public class DecisionRecords {

    static final String RECOMMENDATION_ID = "recommendationRecordId";

    @Inject
    ChainAppends chain;

    @Inject
    RecordSearch records;

    /**
     * Appends the decision record.
     *
     * @throws RefusedField
     *             naming {@code recommendationRecordId} when the rules above do not hold; nothing is written
     */
    public AuditRecord append(ChainSeal seal, AuditRecord.Actor actor, long recommendationRecordId, String decision,
            String chosenOption, String reason, String requestId) {
        return chain.append(head -> {
            AuditRecord recommendation = decidableRecommendation(recommendationRecordId, actor.name());
            return AuditRecord.decision(head, seal::sealOf, Instant.now(), actor, recommendation, decision,
                    chosenOption, reason, requestId);
        });
    }

    /**
     * The recommendation with that id.
     *
     * @throws RefusedField
     *             ({@code recommendationRecordId}) when no record has that id or it is not a recommendation
     */
    public AuditRecord recommendation(long recordId) {
        AuditRecord record = records.find(recordId);
        if (record == null || record.getKind() != AuditKind.RECOMMENDATION) {
            throw new RefusedField(RECOMMENDATION_ID, "names no recommendation (record " + recordId + ")");
        }
        return record;
    }

    private AuditRecord decidableRecommendation(long recordId, String actorName) {
        AuditRecord recommendation = recommendation(recordId);
        if (!recommendation.getActorName().equals(actorName)) {
            throw new RefusedField(RECOMMENDATION_ID, "names a recommendation another user asked for; "
                    + "only the clinician who asked for it may decide on it");
        }
        AuditRecord existing = records.decisionsOf(java.util.List.of(recordId)).get(recordId);
        if (existing != null) {
            throw new RefusedField(RECOMMENDATION_ID, "names a recommendation that already has a decision (record "
                    + existing.getId() + ")");
        }
        return recommendation;
    }
}
