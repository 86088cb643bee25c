package org.oncocds.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.oncocds.audit.control.ChainAppends;
import org.oncocds.audit.control.ChainSeal;
import org.oncocds.audit.control.ChainVerifier;
import org.oncocds.audit.control.ChainWalk;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Verifies the whole chain every {@value CheckpointSchedule#INTERVAL_PROPERTY} minutes (default
 * {@value CheckpointSchedule#DEFAULT_MINUTES}) without anyone asking, and records the run as a {@code CHAIN_VERIFIED}
 * governance record by the actor {@value #SYSTEM_ACTOR}: an intact run signs a checkpoint of the head it verified, so
 * {@link AuditTrail#latestCheckpoint()} is at most one interval old while the chain is intact. A broken chain is logged
 * as SEVERE naming the first broken record, and recorded. The first run is one interval after the application starts.
 * <p>
 * The timer is not persistent and not cluster-wide: every server instance runs its own. With several instances on one
 * database each appends its own verification record (appends are serialized by the chain head's row lock), which is
 * harmless: more, and more recent, checkpoints. A bad interval fails the deployment with a message naming the property.
 */
@Singleton
@Startup
public class ScheduledChainVerification {

    /** The actor of the records this timer writes: no person asked for the run, the container did. */
    public static final String SYSTEM_ACTOR = "system:chain-checkpoint-timer";

    private static final Logger LOG = Logger.getLogger(ScheduledChainVerification.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ChainVerifier verifier;

    @Inject
    ChainAppends chain;

    @PostConstruct
    void schedule() {
        Duration interval = CheckpointSchedule.interval(ConfigProvider.getConfig()
                .getOptionalValue(CheckpointSchedule.INTERVAL_PROPERTY, String.class));
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("audit-chain-checkpoint",
                false));
        LOG.info(() -> "audit chain verification and checkpoint every " + interval.toMinutes() + " minutes ("
                + CheckpointSchedule.INTERVAL_PROPERTY + ")");
    }

    /** One run: walk the chain, record the result (with a signed checkpoint when intact). */
    @Timeout
    void verifyAndCheckpoint() {
        try {
            ChainSeal seal = ChainAppends.configuredSeal();
            ChainWalk walk = verifier.walk(seal);
            ChainVerification result = VerificationRecords.result(walk, walk.firstBreak(), Instant.now());
            GovernanceLog.append(chain, seal, new AuditRecord.Actor(SYSTEM_ACTOR, ""), VerificationRecords.event(
                    result, VerificationRecords.checkpointIfIntact(seal, walk), null));
            if (!result.intact()) {
                LOG.severe(() -> "AUDIT CHAIN BROKEN: the scheduled verification found the first broken link at "
                        + "record id " + result.brokenRecordId() + " (sequence number " + result.brokenSequenceNumber()
                        + "): " + result.problem() + "; " + result.recordsChecked()
                        + " records before it are intact. Recorded as CHAIN_VERIFIED with intact=false.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the scheduled audit chain verification could not run or record its result: "
                    + e.getMessage(), e);
            throw e;
        }
    }
}
