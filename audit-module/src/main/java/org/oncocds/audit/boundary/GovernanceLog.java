package org.oncocds.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.oncocds.audit.control.Actors;
import org.oncocds.audit.control.ChainAppends;
import org.oncocds.audit.control.ChainSeal;
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
