package org.oncocds.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One immutable row of the audit trail. Every column is insert-only ({@code updatable = false}) and the class has no
 * setters: the application has no way to change or delete a record once written.
 * <p>
 * The time is kept as microseconds since the epoch (UTC) rather than a SQL {@code TIMESTAMP}: EclipseLink binds
 * temporal values through {@link java.sql.Timestamp}, which the JDBC driver converts with the JVM's time zone, so a
 * server in another zone (or an hour lost to daylight saving) would shift or corrupt the recorded time. An integer is
 * exact, zone-proof, identical on H2 and PostgreSQL, and can enter a hash over the record unchanged.
 * <p>
 * Records form a hash chain: each carries its place in the chain ({@code sequenceNumber}, 1, 2, 3, ... without gaps),
 * the hash of its predecessor and its own hash, SHA-256 over {@link #canonicalForm()}. Changing, deleting, inserting
 * or reordering a row by hand breaks a link that {@link #recomputeHash()} reveals. Appends are serialized by
 * {@link ChainHead}. Whoever can write to the database could recompute every hash, so each hash is also sealed with a
 * key the database never holds ({@link #getSeal()}).
 */
@Entity
@Table(name = "AUDIT_RECORD", uniqueConstraints = @UniqueConstraint(name = "AUDIT_RECORD_SEQUENCE_NUMBER", columnNames = "SEQUENCE_NUMBER"), indexes = @Index(name = "AUDIT_RECORD_RECORDED_AT", columnList = "RECORDED_AT_EPOCH_MICROS"))
@NamedQuery(name = AuditRecord.NEWEST_FIRST, query = "SELECT r FROM AuditRecord r ORDER BY r.sequenceNumber DESC")
@NamedQuery(name = AuditRecord.IN_CHAIN_ORDER, query = "SELECT r FROM AuditRecord r WHERE r.sequenceNumber > :after ORDER BY r.sequenceNumber")
@NamedQuery(name = AuditRecord.AT_SEQUENCE_NUMBER, query = "SELECT r FROM AuditRecord r WHERE r.sequenceNumber = :sequenceNumber")
@NamedQuery(name = AuditRecord.RECOMMENDATIONS_OF_TASK, query = "SELECT r, d FROM AuditRecord r LEFT JOIN AuditRecord d ON d.decidesRecordId = r.id WHERE r.kind = :kind AND r.taskId = :taskId AND r.recordedAtEpochMicros >= :from AND r.recordedAtEpochMicros < :to ORDER BY r.sequenceNumber")
@NamedQuery(name = AuditRecord.GOVERNANCE_NEWEST_FIRST, query = "SELECT r FROM AuditRecord r WHERE r.kind = :kind AND r.action = :action ORDER BY r.sequenceNumber DESC")
@NamedQuery(name = AuditRecord.DECISIONS_OF, query = "SELECT r FROM AuditRecord r WHERE r.decidesRecordId IN :recommendationIds")
public class AuditRecord {

    public static final String NEWEST_FIRST = "AuditRecord.newestFirst";
    /** Records after the sequence number {@code :after}, oldest first: one page of a walk along the chain. */
    public static final String IN_CHAIN_ORDER = "AuditRecord.inChainOrder";
    /** The record at the place {@code :sequenceNumber} in the chain, if it exists. */
    public static final String AT_SEQUENCE_NUMBER = "AuditRecord.atSequenceNumber";
    /** The decision records of the recommendations whose ids are {@code :recommendationIds}. */
    public static final String DECISIONS_OF = "AuditRecord.decisionsOf";
    /**
     * Recommendations ({@code :kind}) of task {@code :taskId} recorded in {@code [:from, :to)} (epoch microseconds),
     * each with its decision record or null, in chain order.
     */
    /** Governance records ({@code :kind}) with action {@code :action}, newest first. */
    public static final String GOVERNANCE_NEWEST_FIRST = "AuditRecord.governanceNewestFirst";
    public static final String RECOMMENDATIONS_OF_TASK = "AuditRecord.recommendationsOfTask";

    public static final int NAME_LENGTH = 255;
    public static final int ID_LENGTH = 128;
    public static final int SHA256_HEX_LENGTH = 64;
    public static final int REASON_LENGTH = 2000;

    /** Names the canonical form; a different form would need a different tag. */
    static final String CANONICAL_FORM_VERSION = "oncocds-audit-record/1";
    /** Names the canonical form of a decision record, which adds the decision's fields. */
    static final String DECISION_FORM_VERSION = "oncocds-audit-decision/1";
    /** Names the canonical form of a governance record: action, subject and details instead of patient and model. */
    static final String GOVERNANCE_FORM_VERSION = "oncocds-audit-governance/1";
    /** The longest subject of a governance record, in characters. */
    public static final int SUBJECT_LENGTH = 255;

    @Id
    @SequenceGenerator(name = "AUDIT_RECORD_IDS", sequenceName = "AUDIT_RECORD_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "AUDIT_RECORD_IDS")
    @Column(name = "ID", updatable = false)
    private Long id;

    @Column(name = "SEQUENCE_NUMBER", nullable = false, updatable = false)
    private long sequenceNumber;

    @Column(name = "PREVIOUS_HASH", nullable = false, updatable = false, length = SHA256_HEX_LENGTH)
    private String previousHash;

    @Column(name = "HASH", nullable = false, updatable = false, length = SHA256_HEX_LENGTH)
    private String hash;

    /**
     * HMAC-SHA-256 of the hash under a key the database never holds (see the audit module's ChainSeal). Nullable in the
     * mapping only so the column can be added to a table written before seals existed; every record written since
     * carries one, and the verification reports a record without one.
     */
    @Column(name = "SEAL", updatable = false, length = SHA256_HEX_LENGTH)
    private String seal;

    @Column(name = "RECORDED_AT_EPOCH_MICROS", nullable = false, updatable = false)
    private long recordedAtEpochMicros;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, updatable = false, length = 32)
    private AuditKind kind;

    @Column(name = "ACTOR_NAME", nullable = false, updatable = false, length = NAME_LENGTH)
    private String actorName;

    /** The caller's application roles, comma-separated in a fixed order. */
    @Column(name = "ACTOR_ROLES", nullable = false, updatable = false, length = NAME_LENGTH)
    private String actorRoles;

    @Column(name = "PATIENT_PSEUDONYM", updatable = false, length = SHA256_HEX_LENGTH)
    private String patientPseudonym;

    @Column(name = "TASK_ID", updatable = false, length = ID_LENGTH)
    private String taskId;

    @Column(name = "MODEL_VERSION", updatable = false, length = ID_LENGTH)
    private String modelVersion;

    @Column(name = "MODEL_SHA256", updatable = false, length = SHA256_HEX_LENGTH)
    private String modelSha256;

    @Lob
    @Column(name = "INPUTS_JSON", nullable = false, updatable = false)
    private String inputsJson;

    @Lob
    @Column(name = "OUTPUTS_JSON", nullable = false, updatable = false)
    private String outputsJson;

    @Column(name = "REQUEST_ID", nullable = false, updatable = false, length = ID_LENGTH)
    private String requestId;

    /** A decision's recommendation; null on every other kind. Unique: one decision per recommendation. */
    @Column(name = "DECIDES_RECORD_ID", updatable = false, unique = true)
    private Long decidesRecordId;

    /** A decision's outcome ({@code ACCEPTED} or {@code OVERRIDDEN}); null on every other kind. */
    @Column(name = "DECISION", updatable = false, length = 32)
    private String decision;

    @Column(name = "CHOSEN_OPTION", updatable = false, length = ID_LENGTH)
    private String chosenOption;

    @Column(name = "DECISION_REASON", updatable = false, length = REASON_LENGTH)
    private String decisionReason;

    /** A governance record's action (a GovernanceAction name); null on every other kind. */
    @Column(name = "ACTION", updatable = false, length = 32)
    private String action;

    /** What a governance record is about, e.g. {@code model colon-recurrence-5y/2}; null on every other kind. */
    @Column(name = "SUBJECT", updatable = false, length = SUBJECT_LENGTH)
    private String subject;

    /** For JPA only. */
    protected AuditRecord() {
    }

    private AuditRecord(ChainHead head, Instant recordedAt, AuditKind kind, Actor actor, String patientPseudonym,
            String taskId, String modelVersion, String modelSha256, String inputsJson, String outputsJson,
            String requestId, DecisionFields decisionFields, GovernanceFields governanceFields,
            UnaryOperator<String> sealOfHash) {
        this.sequenceNumber = head.getSequenceNumber() + 1;
        this.previousHash = head.getHash();
        this.recordedAtEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.actorName = actor.name();
        this.actorRoles = actor.roles();
        this.patientPseudonym = patientPseudonym;
        this.taskId = taskId;
        this.modelVersion = modelVersion;
        this.modelSha256 = modelSha256;
        this.inputsJson = inputsJson;
        this.outputsJson = outputsJson;
        this.requestId = requestId;
        if (decisionFields != null) {
            this.decidesRecordId = decisionFields.recommendationId();
            this.decision = decisionFields.decision();
            this.chosenOption = decisionFields.chosenOption();
            this.decisionReason = decisionFields.reason();
        }
        if (governanceFields != null) {
            this.action = governanceFields.action();
            this.subject = governanceFields.subject();
        }
        this.hash = recomputeHash();
        this.seal = Objects.requireNonNull(sealOfHash.apply(hash), "seal");
    }

    /**
     * A new recommendation record appended to the chain: it follows {@code head}, which then moves to it. The caller
     * must hold the head's lock and have validated the fields.
     */
    public static AuditRecord recommendation(ChainHead head, UnaryOperator<String> sealOfHash, Instant recordedAt,
            Actor actor, String patientPseudonym, String taskId, String modelVersion, String modelSha256,
            String inputsJson, String outputsJson, String requestId) {
        AuditRecord record = new AuditRecord(head, recordedAt, AuditKind.RECOMMENDATION, actor, patientPseudonym,
                taskId, modelVersion, modelSha256, inputsJson, outputsJson, requestId, null, null, sealOfHash);
        head.advanceTo(record);
        return record;
    }

    /**
     * A decision on {@code recommendation}, appended to the chain like any record. It names the same patient, task and
     * model as the recommendation, so a search for those finds the decision too; its inputs document is the decision as
     * JSON and its outputs document is empty ({@code {}}): a decision produces nothing. The caller must hold the head's
     * lock and have checked that the decision is allowed.
     */
    public static AuditRecord decision(ChainHead head, UnaryOperator<String> sealOfHash, Instant recordedAt,
            Actor actor, AuditRecord recommendation, String decision, String chosenOption, String reason,
            String requestId) {
        if (recommendation.kind != AuditKind.RECOMMENDATION) {
            throw new IllegalArgumentException("record " + recommendation.id + " is not a recommendation");
        }
        AuditRecord record = new AuditRecord(head, recordedAt, AuditKind.DECISION, actor,
                recommendation.patientPseudonym, recommendation.taskId, recommendation.modelVersion,
                recommendation.modelSha256, DecisionJson.of(recommendation.id, decision, chosenOption, reason), "{}",
                requestId, new DecisionFields(recommendation.id, decision, chosenOption, reason), null, sealOfHash);
        head.advanceTo(record);
        return record;
    }

    /**
     * A security or governance event appended to the chain. The patient, task and model columns stay empty; the details
     * (already canonical JSON) are kept as the inputs document, the outputs document is empty ({@code {}}). The caller
     * must hold the head's lock and have validated the fields.
     */
    public static AuditRecord governance(ChainHead head, UnaryOperator<String> sealOfHash, Instant recordedAt,
            Actor actor, String action, String subject, String detailsJson, String requestId) {
        AuditRecord record = new AuditRecord(head, recordedAt, AuditKind.GOVERNANCE, actor, null, null, null, null,
                detailsJson, "{}", requestId, null, new GovernanceFields(action, subject), sealOfHash);
        head.advanceTo(record);
        return record;
    }

    /** The bytes the hash is computed over: every field except the database id and the hash itself. */
    public byte[] canonicalForm() {
        return canonical().toBytes();
    }

    /**
     * What is wrong with the row's shape, if anything: the decision columns, which a recommendation's hash does not
     * cover, must be empty on every record that is not a decision, or a decision could be forged onto one.
     */
    public Optional<String> shapeProblem() {
        boolean hasDecisionFields = decidesRecordId != null || decision != null || chosenOption != null
                || decisionReason != null;
        if (kind != AuditKind.DECISION && hasDecisionFields) {
            return Optional.of("a " + kind + " record carries decision fields (the row was changed)");
        }
        boolean hasGovernanceFields = action != null || subject != null;
        if (kind != AuditKind.GOVERNANCE && hasGovernanceFields) {
            return Optional.of("a " + kind + " record carries governance fields (the row was changed)");
        }
        boolean hasCaseFields = patientPseudonym != null || taskId != null || modelVersion != null
                || modelSha256 != null;
        if (kind == AuditKind.GOVERNANCE && hasCaseFields) {
            return Optional.of("a GOVERNANCE record carries patient or model fields (the row was changed)");
        }
        return Optional.empty();
    }

    /** SHA-256 of the canonical form as it is now; differs from {@link #getHash()} if the row was altered. */
    public String recomputeHash() {
        return canonical().sha256Hex();
    }

    private CanonicalForm canonical() {
        if (kind == AuditKind.GOVERNANCE) {
            return chainAndActor(GOVERNANCE_FORM_VERSION).addOptional("action", action)
                    .addOptional("subject", subject)
                    .add("detailsJson", inputsJson)
                    .add("outputsJson", outputsJson)
                    .add("requestId", requestId);
        }
        if (kind == AuditKind.DECISION) {
            return common(DECISION_FORM_VERSION).add("decidesRecordId", String.valueOf(decidesRecordId))
                    .add("decision", String.valueOf(decision))
                    .addOptional("chosenOption", chosenOption)
                    .addOptional("decisionReason", decisionReason);
        }
        return common(CANONICAL_FORM_VERSION);
    }

    /** The fields every form starts with: the form's name, the record's place in the chain, its time and actor. */
    private CanonicalForm chainAndActor(String formVersion) {
        return new CanonicalForm().add("form", formVersion)
                .add("sequenceNumber", sequenceNumber)
                .add("previousHash", previousHash)
                .add("recordedAtEpochMicros", recordedAtEpochMicros)
                .add("kind", kind.name())
                .add("actorName", actorName)
                .add("actorRoles", actorRoles);
    }

    private CanonicalForm common(String formVersion) {
        return chainAndActor(formVersion).addOptional("patientPseudonym", patientPseudonym)
                .addOptional("taskId", taskId)
                .addOptional("modelVersion", modelVersion)
                .addOptional("modelSha256", modelSha256)
                .add("inputsJson", inputsJson)
                .add("outputsJson", outputsJson)
                .add("requestId", requestId);
    }

    private record GovernanceFields(String action, String subject) {
        GovernanceFields {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(subject, "subject");
        }
    }

    private record DecisionFields(Long recommendationId, String decision, String chosenOption, String reason) {
        DecisionFields {
            Objects.requireNonNull(recommendationId, "recommendation id");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** Who caused a record: the user name and application roles from the container's security context. */
    public record Actor(String name, String roles) {
        public Actor {
            Objects.requireNonNull(name, "actor name");
            Objects.requireNonNull(roles, "actor roles");
        }
    }

    public Long getId() {
        return id;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }

    /** The seal of the hash; null only on a record written before seals existed, or whose seal was removed. */
    public String getSeal() {
        return seal;
    }

    /** The recording time; microsecond precision, so it reads back exactly as it was written. */
    public Instant getRecordedAt() {
        return Instant.EPOCH.plus(recordedAtEpochMicros, ChronoUnit.MICROS);
    }

    /** The recording time as stored: microseconds since the epoch. */
    public long getRecordedAtEpochMicros() {
        return recordedAtEpochMicros;
    }

    public AuditKind getKind() {
        return kind;
    }

    public String getActorName() {
        return actorName;
    }

    public String getActorRoles() {
        return actorRoles;
    }

    public String getPatientPseudonym() {
        return patientPseudonym;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public String getModelSha256() {
        return modelSha256;
    }

    public String getInputsJson() {
        return inputsJson;
    }

    public String getOutputsJson() {
        return outputsJson;
    }

    public String getRequestId() {
        return requestId;
    }

    /** The recommendation a decision decides; null for other kinds. */
    public Long getDecidesRecordId() {
        return decidesRecordId;
    }

    public String getDecision() {
        return decision;
    }

    public String getChosenOption() {
        return chosenOption;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    /** A governance record's action; null for other kinds. */
    public String getAction() {
        return action;
    }

    /** What a governance record is about; null for other kinds. */
    public String getSubject() {
        return subject;
    }
}
