package org.oncocds.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.oncocds.audit.control.ChainSeal;
import org.oncocds.audit.control.ChainWalk;
import org.oncocds.audit.control.RecordFields;
import org.oncocds.audit.entity.AuditKind;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * The append-only audit trail. A record is written in the caller's transaction, so a recommendation and its record
 * commit together or not at all; who acted is taken from the container's security context, never from the caller.
 * Each record is linked into a hash chain (see {@link AuditRecord}); appends hold the chain head's row lock until the
 * caller's transaction ends, so keep the work after {@link #recordRecommendation} short.
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
@DataSourceDefinition(name = "java:app/jdbc/oncocds", className = "${MPCONFIG=oncocds.db.datasource-class:org.h2.jdbcx.JdbcDataSource}", url = "${MPCONFIG=oncocds.db.url:jdbc:h2:file:~/.oncocds/h2/oncocds}", user = "${MPCONFIG=oncocds.db.user:sa}", password = "${MPCONFIG=oncocds.db.password:}")
@DeclareRoles({AuditTrail.CLINICIAN, AuditTrail.COMPLIANCE_OFFICER, AuditTrail.ADMIN})
@Stateless
public class AuditTrail {

    static final String CLINICIAN = "clinician";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String ADMIN = "admin";
    private static final List<String> APPLICATION_ROLES = List.of(CLINICIAN, COMPLIANCE_OFFICER, ADMIN);

    private static final String RECOMMENDATION_ID = "recommendationRecordId";
    private static final int VERIFICATION_PAGE_SIZE = 500;
    private static final String RETRIEVE_MODE_HINT = "jakarta.persistence.cache.retrieveMode";

    /** The most records one call of {@link #latest(int)} returns. */
    public static final int MAX_LIMIT = 500;

    /**
     * The configuration property holding the key that seals every record (at least 32 characters, different from the
     * pseudonym key, never in the database). Without it the audit trail records nothing.
     */
    public static final String SEAL_KEY_PROPERTY = ChainSeal.KEY_PROPERTY;

    /** The longest reason (or note) a decision may carry, in characters. */
    public static final int MAX_REASON_LENGTH = AuditRecord.REASON_LENGTH;

    @PersistenceContext(unitName = "oncocds-audit")
    EntityManager entityManager;

    @Resource
    SessionContext session;

    /**
     * Records a recommendation inside the caller's transaction; the actor comes from the security context. The record
     * is flushed before returning, so a failing write surfaces here and rolls the caller's transaction back.
     *
     * @throws IllegalArgumentException
     *             (wrapped by the container) naming the first missing or malformed field
     * @throws IllegalStateException
     *             (wrapped by the container) naming {@value #SEAL_KEY_PROPERTY} when the seal key is missing, shorter
     *             than 32 characters or equal to the pseudonym key; the caller's transaction rolls back
     * @throws jakarta.ejb.EJBTransactionRequiredException
     *             when called without a transaction
     * @throws jakarta.ejb.EJBAccessException
     *             when the caller is not a clinician: only recommendations a clinician asked for are recorded as such,
     *             and a record never names an anonymous actor
     */
    @RolesAllowed(CLINICIAN)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditReceipt recordRecommendation(RecommendationEvent event) {
        ChainSeal seal = chainSeal();
        Objects.requireNonNull(event, "event is required");
        AuditRecord.Actor actor = currentActor();
        String pseudonym = requirePseudonym(event.patientPseudonym());
        String taskId = RecordFields.requireText("taskId", event.taskId(), AuditRecord.ID_LENGTH);
        String modelVersion = RecordFields.requireText("modelVersion", event.modelVersion(), AuditRecord.ID_LENGTH);
        String modelSha256 = RecordFields.requireSha256Hex("modelSha256", event.modelSha256());
        String inputsJson = RecordFields.requireText("inputsJson", event.inputsJson(), Integer.MAX_VALUE);
        String outputsJson = RecordFields.requireText("outputsJson", event.outputsJson(), Integer.MAX_VALUE);
        String requestId = RecordFields.requireText("requestId", event.requestId(), AuditRecord.ID_LENGTH);
        ChainHead head = lockedChainHead();
        // The time is read under the lock, so the chain's order and the recorded times agree.
        AuditRecord record = AuditRecord.recommendation(head, seal::sealOf, Instant.now(), actor, pseudonym, taskId,
                modelVersion,
                modelSha256, inputsJson, outputsJson, requestId);
        entityManager.persist(record);
        entityManager.flush();
        return new AuditReceipt(record.getId(), record.getRecordedAt());
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
        ChainSeal seal = chainSeal();
        DecisionRules.check(event);
        AuditRecord.Actor actor = currentActor();
        ChainHead head = lockedChainHead();
        // Checked under the chain head's lock: two decisions on one recommendation cannot both pass.
        AuditRecord recommendation = decidableRecommendation(event.recommendationRecordId(), actor.name());
        AuditRecord record = AuditRecord.decision(head, seal::sealOf, Instant.now(), actor, recommendation,
                event.decision().name(),
                DecisionRules.blankToNull(event.chosenOption()), DecisionRules.blankToNull(event.reason()),
                event.requestId());
        entityManager.persist(record);
        entityManager.flush();
        return new AuditReceipt(record.getId(), record.getRecordedAt());
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
        AuditRecord recommendation = recommendation(recommendationRecordId);
        if (!session.isCallerInRole(COMPLIANCE_OFFICER)
                && !recommendation.getActorName().equals(session.getCallerPrincipal().getName())) {
            throw new DecisionRefusedException(RECOMMENDATION_ID, "names a recommendation of another user");
        }
        return decisionsOf(List.of(recommendationRecordId)).stream().findFirst().map(AuditTrail::toDecision);
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
        List<AuditRecord> records = newest(limit);
        List<Long> recommendationIds = records.stream()
                .filter(r -> r.getKind() == AuditKind.RECOMMENDATION)
                .map(AuditRecord::getId)
                .toList();
        Map<Long, RecordedDecision> decisions = decisionsOf(recommendationIds).stream()
                .map(AuditTrail::toDecision)
                .collect(Collectors.toMap(RecordedDecision::recommendationRecordId, Function.identity()));
        return records.stream()
                .map(r -> new AuditEntryWithDecision(toEntry(r), decisions.get(r.getId())))
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
        return Optional.ofNullable(entityManager.find(AuditRecord.class, recordId)).map(record -> {
            RecordedDecision decision = record.getKind() != AuditKind.RECOMMENDATION
                    ? null
                    : decisionsOf(List.of(recordId)).stream().findFirst().map(AuditTrail::toDecision).orElse(null);
            return new AuditEntryWithDecision(toEntry(record), decision);
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
        return entityManager.createNamedQuery(AuditRecord.NEWEST_FIRST, AuditRecord.class)
                .setMaxResults(limit)
                .getResultList();
    }

    private List<AuditRecord> decisionsOf(List<Long> recommendationIds) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createNamedQuery(AuditRecord.DECISIONS_OF, AuditRecord.class)
                .setParameter("recommendationIds", recommendationIds)
                .getResultList();
    }

    private AuditRecord recommendation(long recordId) {
        AuditRecord record = entityManager.find(AuditRecord.class, recordId);
        if (record == null || record.getKind() != AuditKind.RECOMMENDATION) {
            throw new DecisionRefusedException(RECOMMENDATION_ID, "names no recommendation (record " + recordId + ")");
        }
        return record;
    }

    private AuditRecord decidableRecommendation(long recordId, String actorName) {
        AuditRecord recommendation = recommendation(recordId);
        if (!recommendation.getActorName().equals(actorName)) {
            throw new DecisionRefusedException(RECOMMENDATION_ID, "names a recommendation another user asked for; "
                    + "only the clinician who asked for it may decide on it");
        }
        decisionsOf(List.of(recordId)).stream().findFirst().ifPresent(existing -> {
            throw new DecisionRefusedException(RECOMMENDATION_ID, "names a recommendation that already has a "
                    + "decision (record " + existing.getId() + ")");
        });
        return recommendation;
    }

    /**
     * Walks the whole chain in sequence order, a page at a time, reading every row from the database (never from a
     * cache), and reports the first broken link.
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public ChainVerification verifyChain() {
        ChainWalk walk = new ChainWalk(chainSeal());
        boolean intactSoFar = true;
        while (intactSoFar) {
            List<AuditRecord> page = entityManager.createNamedQuery(AuditRecord.IN_CHAIN_ORDER, AuditRecord.class)
                    .setParameter("after", walk.lastSequenceNumber())
                    .setMaxResults(VERIFICATION_PAGE_SIZE)
                    .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                    .getResultList();
            intactSoFar = page.stream().allMatch(walk::accept);
            entityManager.clear();
            if (page.size() < VERIFICATION_PAGE_SIZE) {
                break;
            }
        }
        walk.finish(entityManager.find(ChainHead.class, ChainHead.SINGLE_ROW_ID,
                Map.of(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)));
        return walk.firstBreak()
                .map(broken -> new ChainVerification(false, walk.recordsChecked(), broken.recordId(),
                        broken.sequenceNumber(), broken.problem(), Instant.now()))
                .orElseGet(() -> new ChainVerification(true, walk.recordsChecked(), null, null, null, Instant.now()));
    }

    /**
     * The chain head as it is now, signed with the seal key, for a compliance officer to download and keep outside the
     * system (see {@link ChainCheckpoint}). Verify the chain first: a checkpoint vouches for the head it saw.
     */
    @RolesAllowed(COMPLIANCE_OFFICER)
    public ChainCheckpoint checkpoint() {
        ChainSeal seal = chainSeal();
        ChainHead head = entityManager.find(ChainHead.class, ChainHead.SINGLE_ROW_ID,
                Map.of(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS));
        long sequenceNumber = head == null ? 0 : head.getSequenceNumber();
        String hash = head == null ? ChainHead.GENESIS_HASH : head.getHash();
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new ChainCheckpoint(sequenceNumber, hash, takenAt,
                seal.signatureOfCheckpoint(sequenceNumber, hash, epochMicros(takenAt)));
    }

    /**
     * {@link #verifyChain()}, and then whether the chain still holds the record a kept checkpoint vouches for, with the
     * same hash. Deleting the newest records (and setting the head back) leaves a chain that verifies on its own; against
     * a checkpoint taken before, the cut is reported.
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
        if (!chainSeal().isSignatureOfCheckpoint(checkpoint.sequenceNumber(), checkpoint.hash(),
                epochMicros(checkpoint.takenAt()), checkpoint.signature())) {
            throw new IllegalArgumentException("checkpoint signature does not match: the checkpoint was altered or was "
                    + "not issued under this installation's seal key");
        }
        ChainVerification chain = verifyChain();
        if (!chain.intact() || checkpoint.sequenceNumber() == 0) {
            return chain;
        }
        List<AuditRecord> vouchedFor = entityManager.createNamedQuery(AuditRecord.AT_SEQUENCE_NUMBER, AuditRecord.class)
                .setParameter("sequenceNumber", checkpoint.sequenceNumber())
                .setHint(RETRIEVE_MODE_HINT, CacheRetrieveMode.BYPASS)
                .getResultList();
        if (vouchedFor.isEmpty()) {
            return new ChainVerification(false, chain.recordsChecked(), null, checkpoint.sequenceNumber(),
                    "the chain ends at record " + chain.recordsChecked() + " but the checkpoint taken at "
                            + checkpoint.takenAt() + " vouches for record " + checkpoint.sequenceNumber()
                            + " (records at the end were removed)",
                    Instant.now());
        }
        AuditRecord record = vouchedFor.get(0);
        if (!record.getHash().equals(checkpoint.hash())) {
            return new ChainVerification(false, chain.recordsChecked(), record.getId(), checkpoint.sequenceNumber(),
                    "record " + checkpoint.sequenceNumber() + " differs from the checkpoint taken at "
                            + checkpoint.takenAt() + " (the chain was replaced after it)",
                    Instant.now());
        }
        return chain;
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /**
     * The chain head, locked until the caller's transaction ends; this serializes appends across threads and servers.
     * The row is created by the first append ever. Should two first appends race, the database's primary key lets one
     * win and the other's transaction fails (nothing of it is written), once in the database's lifetime.
     */
    private ChainHead lockedChainHead() {
        ChainHead head = entityManager.find(ChainHead.class, ChainHead.SINGLE_ROW_ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = ChainHead.genesis();
            entityManager.persist(head);
            entityManager.flush();
        }
        return head;
    }

    /**
     * The seal under the configured key, read on every call so a missing key is reported at once: the audit trail fails
     * closed, recording and verifying nothing without it (the message names the property, never the value).
     */
    private static ChainSeal chainSeal() {
        Config config = ConfigProvider.getConfig();
        return ChainSeal.fromConfiguredKey(config.getOptionalValue(SEAL_KEY_PROPERTY, String.class),
                config.getOptionalValue(PatientPseudonyms.KEY_PROPERTY, String.class));
    }

    private AuditRecord.Actor currentActor() {
        String name = RecordFields.requireText("actor name", session.getCallerPrincipal().getName(),
                AuditRecord.NAME_LENGTH);
        String roles = APPLICATION_ROLES.stream().filter(session::isCallerInRole).collect(Collectors.joining(","));
        return new AuditRecord.Actor(name, roles);
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
