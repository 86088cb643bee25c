package org.oncocds.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oncocds.audit.control.Actors;
import org.oncocds.audit.control.ChainAppends;
import org.oncocds.audit.control.ChainSeal;
import org.oncocds.audit.control.ExternalEvents;
import org.oncocds.audit.control.JsonProcessing;
import org.oncocds.audit.control.RecordSearch;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Records security and governance events (logins, access denied, model lifecycle, fairness sign-offs, exports, user
 * administration, chain verifications) as records of kind {@code GOVERNANCE} in the same hash chain as recommendations,
 * sealed like every record. The record is written in the caller's transaction (or its own when there is none), so a
 * lifecycle change and its record commit together or not at all.
 */
@DeclareRoles({"clinician", "compliance-officer", "admin"})
@Stateless
public class GovernanceLog {

    @Resource
    SessionContext session;

    @Inject
    ChainAppends chain;

    @Inject
    ExternalEvents externalEvents;

    @Inject
    RecordSearch records;

    /**
     * Appends a governance record. The actor is the caller the container knows, {@code "anonymous"} when it is not
     * authenticated (a failed login passes the name that was tried as detail {@code attemptedUser}).
     *
     * @return the record's receipt
     * @throws GovernanceRefusedException
     *             naming the field at fault ({@code event}, {@code action}, {@code subject}, {@code requestId},
     *             {@code details}); nothing is written and the caller's transaction rolls back
     * @throws IllegalStateException
     *             (wrapped by the container) when the seal key is missing or weak: nothing is recorded (fail closed)
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AuditReceipt record(GovernanceEvent event) {
        ChainSeal seal = ChainAppends.configuredSeal();
        return append(chain, seal, Actors.of(session.getCallerPrincipal(), session::isCallerInRole), event);
    }

    /**
     * Records an event that happened outside the application (e.g. a failed login at Keycloak, imported from its event
     * log) exactly once: only if no record was made for {@code externalEventId} before, by any server. Same as
     * {@link #recordOnce(String, Instant, GovernanceEvent)} without the source's time.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<AuditReceipt> recordOnce(String externalEventId, GovernanceEvent event) {
        return recordOnce(externalEventId, null, event);
    }

    /**
     * Records an event that happened outside the application exactly once: only if no record was made for
     * {@code externalEventId} before, by any server, in any run. Like {@link #record}, it joins the caller's
     * transaction (or runs in its own) and takes the actor from the container ({@code anonymous} for a scheduled
     * importer). The record's details get two more keys, {@code externalEventId} and, when {@code occurredAt} is given,
     * {@code externalEventTime} (ISO-8601, UTC), so the sealed record names the event it came from.
     * <p>
     * Two imports of one event at once (two servers polling the same source) are serialized by the chain head's lock:
     * the second finds the first one's record and returns empty. Should the first one's transaction roll back, nothing
     * of it stays and a later import records the event. A unique key on the external id is the backstop: a duplicate
     * that got past the check fails at its insert, and its transaction rolls back.
     *
     * @param externalEventId
     *            the event's id at its source with a prefix naming the source, e.g. {@code "keycloak-event:<id>"};
     *            required, at most 255 characters, no surrounding white space
     * @param occurredAt
     *            when the event happened at its source (kept for {@link #latestExternalEventTime}); may be null
     * @return the new record's receipt, or empty when the event had been recorded before (nothing is written)
     * @throws GovernanceRefusedException
     *             naming {@code externalEventId} or a field of the event as {@link #record} does, also {@code details}
     *             when they use one of the two keys this method adds; nothing is written
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<AuditReceipt> recordOnce(String externalEventId, Instant occurredAt, GovernanceEvent event) {
        String id = GovernanceRules.checkExternalId(externalEventId, "externalEventId");
        GovernanceRules.Checked checked = GovernanceRules.checkExternal(id, occurredAt, event);
        ChainSeal seal = ChainAppends.configuredSeal();
        AuditRecord.Actor actor = Actors.of(session.getCallerPrincipal(), session::isCallerInRole);
        return externalEvents.appendOnce(id, occurredAt, head -> AuditRecord.governance(head, seal::sealOf, Instant
                .now(), actor, checked.action().name(), checked.subject(), checked.detailsJson(), checked.requestId()))
                .map(record -> new AuditReceipt(record.getId(), record.getRecordedAt()));
    }

    /**
     * The newest source time ({@code occurredAt}) among the external events recorded with an id starting with
     * {@code prefix} (matched literally: {@code %} and {@code _} are no wildcards), so an importer knows where to
     * resume after a restart; empty when none was recorded with a time. Events recorded without a time are not
     * considered.
     *
     * @throws GovernanceRefusedException
     *             ({@code prefix}) when it is missing, blank or longer than 255 characters
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> latestExternalEventTime(String prefix) {
        return externalEvents.latestOccurredAt(GovernanceRules.checkExternalId(prefix, "prefix"));
    }

    /**
     * The details of the newest governance record with this action and subject (e.g. {@code MODEL_TRAINED},
     * {@code "model colon-recurrence-5y/2"}), for a module that checks something against what was recorded (e.g. a
     * loaded model's SHA-256), after checking that record against its own hash and seal: a record changed in the
     * database is refused, not believed. It does not walk the chain (a record removed after it is found by the chain
     * verification, not here).
     *
     * @return the details (keys sorted; a non-string value as its JSON text), or empty when no such record exists
     * @throws GovernanceRefusedException
     *             naming {@code action} (missing) or {@code subject} (missing or blank)
     * @throws IllegalStateException
     *             (wrapped by the container) when the record does not match its hash or seal, or the seal key is missing
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Map<String, String>> latestDetails(GovernanceAction action, String subject) {
        if (action == null) {
            throw new GovernanceRefusedException("action", "is required");
        }
        if (subject == null || subject.isBlank()) {
            throw new GovernanceRefusedException("subject", "is required");
        }
        ChainSeal seal = ChainAppends.configuredSeal();
        return Optional.ofNullable(records.newestGovernance(action.name(), subject)).map(r -> sealedDetails(r, seal));
    }

    /** The record's details, if the record matches its hash and seal and has a governance record's shape. */
    static Map<String, String> sealedDetails(AuditRecord record, ChainSeal seal) {
        if (!record.getHash().equals(record.recomputeHash()) || !seal.isSealOf(record.getHash(), record.getSeal())
                || record.shapeProblem().isPresent()) {
            throw new IllegalStateException("governance record " + record.getId() + " does not match its hash or "
                    + "seal: the audit trail was changed; verify the chain");
        }
        Map<String, String> details = new TreeMap<>();
        try (JsonReader reader = JsonProcessing.reader(record.getInputsJson())) {
            JsonObject object = reader.readObject();
            object.forEach((key, value) -> details.put(key, value instanceof JsonString text
                    ? text.getString()
                    : value.toString()));
        }
        return Collections.unmodifiableMap(details);
    }

    /**
     * Appends a governance record by the given actor in the current transaction: for records the container writes on
     * its own (see {@link ScheduledChainVerification}), which have no caller to take the actor from.
     */
    static AuditReceipt append(ChainAppends chain, ChainSeal seal, AuditRecord.Actor actor, GovernanceEvent event) {
        GovernanceRules.Checked checked = GovernanceRules.check(event);
        AuditRecord record = chain.append(head -> AuditRecord.governance(head, seal::sealOf, Instant.now(), actor,
                checked.action().name(), checked.subject(), checked.detailsJson(), checked.requestId()));
        return new AuditReceipt(record.getId(), record.getRecordedAt());
    }
}
