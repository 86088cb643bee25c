package org.oncocds.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.oncocds.audit.control.Actors;
import org.oncocds.audit.control.AppendedRecord;
import org.oncocds.audit.control.ChainAppends;
import org.oncocds.audit.control.ChainSeal;
import org.oncocds.audit.control.ChainVerifier;
import org.oncocds.audit.control.ChainWalk;
import org.oncocds.audit.control.DecisionRecords;
import org.oncocds.audit.control.PendingRecommendation;
import org.oncocds.audit.control.RecordFields;
import org.oncocds.audit.control.RecordWriter;
import org.oncocds.audit.control.RecordSearch;
import org.oncocds.audit.control.RefusedField;
import org.oncocds.audit.entity.AuditKind;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * The append-only audit trail. Recommendations are committed by a single writer per server in batches (group commit)
 * before {@link #recordRecommendation} returns; decisions are written in the caller's transaction. Who acted is taken
 * from the container's security context, never from the caller. Each record is linked into a hash chain (see
 * {@link AuditRecord}); appends hold the chain head's row lock until their transaction ends, so keep the work after
 * {@link #recordDecision} short.
 * <p>
 * The application's data source is defined here because the audit trail owns the database. Payara resolves
 * {@code ${MPCONFIG=name:default}} when it creates the pool, but only from server-level sources: system properties
 * ({@code -Doncocds.db.url=...}), environment variables ({@code ONCOCDS_DB_URL}) and the server's config sources. An
 * application's own {@code META-INF/microprofile-config.properties} is not consulted at that moment (seen on Payara
 * Micro 6.2025.10: "property 'oncocds.db.user': no value found" although the file set it), so the defaults live in the
 * expressions below. Everything after the first colon is the default and may contain neither '}' nor '$'; H2 reads
 * {@code ~} as the user's home directory. Verified on Payara Micro: values from {@code -D...} and from a
 * {@code --systemproperties} file reach the pool, and {@code className} is substituted as well, so another database
 * (e.g. {@code org.postgresql.ds.PGSimpleDataSource}, driver on the server's class path) is a matter of configuration.
 */
@DataSourceDefinition(name = "java:app/jdbc/oncocds", className = "${MPCONFIG=oncocds.db.datasource-class:org.h2.jdbcx.JdbcDataSource}", url = "${MPCONFIG=oncocds.db.url:jdbc:h2:file:~/.oncocds/h2/oncocds;WRITE_DELAY=0}", user = "${MPCONFIG=oncocds.db.user:sa}", password = "${MPCONFIG=oncocds.db.password:}")
@DeclareRoles({AuditTrail.CLINICIAN, AuditTrail.COMPLIANCE_OFFICER, AuditTrail.ADMIN})
@Stateless
public class AuditTrail {

    static final String CLINICIAN = "clinician";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String ADMIN = "admin";

    private static final String RECOMMENDATION_ID = "recommendationRecordId";
    private static final String CHAIN_VERIFIED = GovernanceAction.CHAIN_VERIFIED.name();
    /** How many recent verification records {@link #latestCheckpoint()} looks through for an intact one. */
    private static final int CHECKPOINT_LOOKBACK = 50;

    /** The most records one call of {@link #latest(int)} returns. */
    public static final int MAX_LIMIT = 500;

    /**
     * The configuration property holding the key that seals every record (at least 32 characters, different from the
     * pseudonym key, never in the database). Without it the audit trail records nothing.
     */
    public static final String SEAL_KEY_PROPERTY = ChainSeal.KEY_PROPERTY;

    /** The longest reason (or note) a decision may carry, in characters. */
    public static final int MAX_REASON_LENGTH = AuditRecord.REASON_LENGTH;

    @Resource
    SessionContext session;

    @Inject
    ChainAppends chain;

    @Inject
    DecisionRecords decisions;

    @Inject
    RecordSearch records;

    @Inject
    ChainVerifier verifier;

    @EJB
    GovernanceLog governanceLog;

    @Inject
    RecordWriter writer;

    /**
     * Records a recommendation; the actor comes from the security context. The record is appended by this server's
     * single writer together with other pending records in one transaction of the writer's own (group commit), and
     * this method returns only after that transaction committed: the caller shows the recommendation only after its
     * record is durable. The caller's transaction is still required (the recommendation is computed in it), but the
     * record does not roll back with it: a recommendation that failed after its record committed stays recorded as
     * computed (it was never shown), which errs on the side of recording.
     *
     * @throws IllegalArgumentException
     *             (wrapped by the container) naming the first missing or malformed field
     * @throws IllegalStateException
     *             (wrapped by the container) naming {@value #SEAL_KEY_PROPERTY} when the seal key is missing, shorter
     *             than 32 characters or equal to the pseudonym key; or when the record's batch failed or did not commit
     *             in time: the caller's transaction rolls back and the recommendation must not be shown
     * @throws jakarta.ejb.EJBTransactionRequiredException
     *             when called without a transaction
     * @throws jakarta.ejb.EJBAccessException
     *             when the caller is not a clinician: only recommendations a clinician asked for are recorded as such,
     *             and a record never names an anonymous actor
     */
    @RolesAllowed(CLINICIAN)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditReceipt recordRecommendation(RecommendationEvent event) {
        return record(event, null);
    }

    /**
     * As {@link #recordRecommendation(RecommendationEvent)}, recorded only if {@code answering} still lets the event's
     * model version answer when the record's batch commits (asked once per batch, in the batch's transaction).
     *
     * @throws ModelVersionWithdrawnException
     *             when the check withdrew the version: nothing was recorded, the recommendation must not be shown, and
     *             the caller's transaction is left as it was
     */
    @RolesAllowed(CLINICIAN)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditReceipt recordRecommendation(RecommendationEvent event, AnsweringVersionCheck answering) {
        return record(event, Objects.requireNonNull(answering, "answering is required"));
    }

    private AuditReceipt record(RecommendationEvent event, AnsweringVersionCheck answering) {
        ChainAppends.configuredSeal();
        Objects.requireNonNull(event, "event is required");
        AuditRecord.Actor actor = currentActor();
        String pseudonym = requirePseudonym(event.patientPseudonym());
        String taskId = RecordFields.requireText("taskId", event.taskId(), AuditRecord.ID_LENGTH);
        String modelVersion = RecordFields.requireText("modelVersion", event.modelVersion(), AuditRecord.ID_LENGTH);
        String modelSha256 = RecordFields.requireSha256Hex("modelSha256", event.modelSha256());
        String inputsJson = RecordFields.requireText("inputsJson", event.inputsJson(), Integer.MAX_VALUE);
        String outputsJson = RecordFields.requireText("outputsJson", event.outputsJson(), Integer.MAX_VALUE);
        String requestId = RecordFields.requireText("requestId", event.requestId(), AuditRecord.ID_LENGTH);
        // Group commit: the single writer of this server appends it with whatever else is pending, in one transaction,
        // and this returns only after that transaction committed (docs/audit-trail.md, "Group commit").
        AppendedRecord record = writer.append(new PendingRecommendation(actor, pseudonym, taskId, modelVersion,
                modelSha256, inputsJson, outputsJson, requestId, answering));
        if (record.isWithdrawn()) {
            throw new ModelVersionWithdrawnException(record.withdrawnModelVersion());
        }
        return new AuditReceipt(record.id(), record.recordedAt());
    }

    /**
     * Records a clinician's decision on a recommendation as its own record, appended to the chain and linked to the
     * recommendation. Only the clinician who asked for the recommendation may decide on it, and only once: the
     * decision is that clinician's professional act on what they were shown, so a colleague who takes over asks for
     * their own recommendation. Runs in the caller's transaction or, without one (a portal request), in its own.
     *
     * @return the decision record's receipt
     * @throws DecisionRefusedException
     *             naming the field at fault: {@code requestId} missing or too long; {@code decision} missing;
     *             {@code chosenOption} missing or too long on an override, or present on an acceptance;
     *             {@code reason} missing or blank on an override, or longer than {@value #MAX_REASON_LENGTH}
     *             characters; {@code recommendationRecordId} when no recommendation has that id, it was asked for by
     *             another user, or it already has a decision. Nothing is written.
     * @throws jakarta.ejb.EJBAccessException
     *             when the caller is not a clinician
     */
    @RolesAllowed(CLINICIAN)
    public AuditReceipt recordDecision(DecisionEvent event) {
        ChainSeal seal = ChainAppends.configuredSeal();
        DecisionRules.check(event);
        AuditRecord.Actor actor = currentActor();
        try {
            AuditRecord record = decisions.append(seal, actor, event.recommendationRecordId(), event.decision().name(),
                    DecisionRules.blankToNull(event.chosenOption()), DecisionRules.blankToNull(event.reason()),
                    event.requestId());
            return new AuditReceipt(record.getId(), record.getRecordedAt());
        } catch (RefusedField refused) {
            throw new DecisionRefusedException(refused.field(), refused.getMessage());
        }
    }

    /**
     * The decision on a recommendation, if one was recorded. Clinicians see decisions on their own recommendations
     * only; compliance officers see all.
     *
     * @throws DecisionRefusedException
     *             ({@code recommendationRecordId}) when no recommendation has that id or a clinician asks about another
     *             user's
     */
    @RolesAllowed({CLINICIAN, COMPLIANCE_OFFICER})
    public Optional<RecordedDecision> decisionOn(long recommendationRecordId) {
        AuditRecord recommendation;
        try {
            recommendation = decisions.recommendation(recommendationRecordId);
        } catch (RefusedField refused) {
            throw new DecisionRefusedException(refused.field(), refused.getMessage());
        }
        if (!session.isCallerInRole(COMPLIANCE_OFFICER)
                && !recommendation.getActorName().equals(session.getCallerPrincipal().getName())) {
            throw new DecisionRefusedException(RECOMMENDATION_ID, "names a recommendation of another user");
        }
        return Optional.ofNullable(records.decisionsOf(List.of(recommendationRecordId)).get(recommendationRecordId))
                .map(AuditTrail::toDecision);
    }

    /**
     * The newest records first, each recommendation with its decision (if any). Decision records appear in the list
     * as records of their own as well.
     *
     * @param limit
     *            how many records at most, 1 to {@value #MAX_LIMIT}
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public List<AuditEntryWithDecision> latestWithDecisions(int limit) {
        List<AuditRecord> newest = newest(limit);
        Map<Long, AuditRecord> decided = records.decisionsOf(RecordSearch.recommendationIds(newest));
        return newest.stream()
                .map(r -> new AuditEntryWithDecision(toEntry(r), Optional.ofNullable(decided.get(r.getId()))
                        .map(AuditTrail::toDecision)
                        .orElse(null)))
                .toList();
    }

    /**
     * One record by its id, with the decision on it when it is a recommendation that has one.
     *
     * @param recordId
     *            the record's id
     * @return empty when no record has that id
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public Optional<AuditEntryWithDecision> entry(long recordId) {
        return Optional.ofNullable(records.find(recordId)).map(record -> {
            AuditRecord decision = record.getKind() != AuditKind.RECOMMENDATION
                    ? null
                    : records.decisionsOf(List.of(recordId)).get(recordId);
            return new AuditEntryWithDecision(toEntry(record), decision == null ? null : toDecision(decision));
        });
    }

    /**
     * The newest records first.
     *
     * @param limit
     *            how many records at most, 1 to {@value #MAX_LIMIT}
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public List<AuditEntry> latest(int limit) {
        return newest(limit).stream().map(AuditTrail::toEntry).toList();
    }

    private List<AuditRecord> newest(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return records.newest(limit);
    }

    /**
     * Walks the whole chain in sequence order, a page at a time, reading every row from the database (never from a
     * cache), and reports the first broken link. The run is recorded as a {@code CHAIN_VERIFIED} governance record with
     * its result (see {@link #lastVerification()}); an intact run also signs a checkpoint of the head it verified (see
     * {@link #latestCheckpoint()}).
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public ChainVerification verifyChain() {
        ChainSeal seal = ChainAppends.configuredSeal();
        ChainWalk walk = verifier.walk(seal);
        ChainVerification result = VerificationRecords.result(walk, walk.firstBreak(), Instant.now());
        governanceLog.record(VerificationRecords.event(result, VerificationRecords.checkpointIfIntact(seal, walk),
                null));
        return result;
    }

    /**
     * The result and time of the last recorded verification run (by anyone, on any server), or empty when the chain
     * was never verified.
     */
    @RolesAllowed({COMPLIANCE_OFFICER, ADMIN})
    public Optional<ChainVerification> lastVerification() {
        return records.newestGovernance(CHAIN_VERIFIED, 1)
                .stream()
                .findFirst()
                .map(record -> VerificationRecords.parse(record.getInputsJson()));
    }

    /**
     * The checkpoint signed at the newest verification run that found the chain intact: the head that run verified,
     * for a compliance officer to download and keep outside the system. Empty when no recent run found the chain
     * intact; {@link #checkpoint()} signs the head as it is now instead.
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public Optional<ChainCheckpoint> latestCheckpoint() {
        return records.newestGovernance(CHAIN_VERIFIED, CHECKPOINT_LOOKBACK)
                .stream()
                .map(record -> VerificationRecords.checkpointIn(record.getInputsJson()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The chain head as it is now, signed with the seal key, for a compliance officer to download and keep outside the
     * system (see {@link ChainCheckpoint}). Verify the chain first: a checkpoint vouches for the head it saw.
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public ChainCheckpoint checkpoint() {
        ChainHead head = verifier.head();
        return VerificationRecords.signedCheckpoint(ChainAppends.configuredSeal(),
                head == null ? 0 : head.getSequenceNumber(),
                head == null ? ChainHead.GENESIS_HASH : head.getHash());
    }

    /**
     * {@link #verifyChain()}, and then whether the chain still holds the record a kept checkpoint vouches for, with the
     * same hash. Deleting the newest records (and setting the head back) leaves a chain that verifies on its own; against
     * a checkpoint taken before, the cut is reported. Recorded like {@link #verifyChain()}, naming the checkpoint.
     *
     * @throws IllegalArgumentException
     *             naming {@code checkpoint} when it is missing or its signature does not match (altered, or not issued
     *             under this installation's seal key)
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public ChainVerification verifyChainAgainst(ChainCheckpoint checkpoint) {
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint is required");
        }
        ChainSeal seal = ChainAppends.configuredSeal();
        if (!seal.isSignatureOfCheckpoint(checkpoint.sequenceNumber(), checkpoint.hash(),
                VerificationRecords.epochMicros(
                        checkpoint.takenAt()),
                checkpoint.signature())) {
            throw new IllegalArgumentException("checkpoint signature does not match: the checkpoint was altered or was "
                    + "not issued under this installation's seal key");
        }
        ChainWalk walk = verifier.walk(seal);
        Optional<ChainWalk.Break> broken = walk.firstBreak().or(() -> verifier.breakAgainst(checkpoint
                .sequenceNumber(), checkpoint.hash(), checkpoint.takenAt(), walk.recordsChecked()));
        ChainVerification result = VerificationRecords.result(walk, broken, Instant.now());
        governanceLog.record(VerificationRecords.event(result, broken.isPresent()
                ? null
                : VerificationRecords.signedCheckpoint(seal, walk.lastSequenceNumber(), walk.lastHash()), checkpoint));
        return result;
    }

    private AuditRecord.Actor currentActor() {
        return Actors.of(session.getCallerPrincipal(), session::isCallerInRole);
    }

    /** A pseudonym from {@link PatientPseudonyms} is 64 lower-case hex digits; anything else may be a raw MRN. */
    private static String requirePseudonym(String pseudonym) {
        String checked = RecordFields.requireSha256Hex("patientPseudonym", pseudonym);
        if (!checked.equals(pseudonym)) {
            throw new IllegalArgumentException("patientPseudonym must be lower-case hex as PatientPseudonyms makes it");
        }
        return checked;
    }

    static RecordedDecision toDecision(AuditRecord record) {
        return new RecordedDecision(record.getId(), record.getDecidesRecordId(), record.getRecordedAt(),
                record.getActorName(), Decision.valueOf(record.getDecision()), record.getChosenOption(),
                record.getDecisionReason());
    }

    private static AuditEntry toEntry(AuditRecord record) {
        return new AuditEntry(record.getId(), record.getRecordedAt(), record.getKind().name(), record.getActorName(),
                record.getActorRoles(), record.getPatientPseudonym(), record.getTaskId(), record.getModelVersion(),
                record.getModelSha256(), record.getInputsJson(), record.getOutputsJson(), record.getRequestId());
    }
}
