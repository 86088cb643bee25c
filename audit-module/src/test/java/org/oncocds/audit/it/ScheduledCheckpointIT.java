package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.ScheduledChainVerification;

/**
 * The container verifies the chain and signs a checkpoint on its own: nobody calls a verification here. The deployment
 * sets the interval to one minute (its own configuration file, ordinal above the module's), so the first scheduled run
 * is one minute after deployment.
 */
@ExtendWith(ArquillianExtension.class)
class ScheduledCheckpointIT {

    /** The scheduled run is one interval (one minute) after deployment; three intervals leave room on a busy machine. */
    private static final Duration WAIT_FOR_THE_TIMER = Duration.ofMinutes(3);

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("scheduled-checkpoint-it.war")
                .addAsResource(new StringAsset("config_ordinal=300\noncocds.audit.checkpoint-interval-minutes=1\n"),
                        "META-INF/microprofile-config.properties");
    }

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @EJB
    ChainInspector chain;

    @Test
    void theTimerRecordsAVerificationWithASignedCheckpointWithoutAnyoneAsking() throws InterruptedException {
        AuditEntry run = firstScheduledRun();

        ChainInspector.Stored stored = chain.stored(run.id());
        assertEquals("GOVERNANCE", stored.kind());
        assertEquals("CHAIN_VERIFIED", stored.action());
        assertEquals(ScheduledChainVerification.SYSTEM_ACTOR, stored.actorName());
        assertEquals("", Optional.ofNullable(stored.actorRoles()).orElse(""), "a system run holds no user's role");
        assertTrue(stored.detailsJson().contains("\"intact\":\"true\""), stored.detailsJson());
        assertTrue(stored.detailsJson().contains("\"checkpoint\":"), stored.detailsJson());

        ChainCheckpoint checkpoint = complianceOfficer.latestCheckpoint().orElseThrow(
                () -> new AssertionError("the scheduled run left no checkpoint"));
        assertTrue(stored.detailsJson().contains(checkpoint.signature()), "the latest checkpoint is the timer's");
        ChainVerification last = complianceOfficer.lastVerification().orElseThrow();
        assertTrue(last.intact());

        // The checkpoint is a real one: signed under the seal key and vouching for a record the chain holds.
        ChainVerification against = complianceOfficer.verifyChainAgainst(checkpoint);
        assertTrue(against.intact(), () -> "problem: " + against.problem());
    }

    /**
     * Waits for the container's timer (it runs on its own schedule; there is nothing to call). Fails naming the wait
     * when no scheduled run was recorded in time.
     */
    private AuditEntry firstScheduledRun() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_THE_TIMER);
        while (Instant.now().isBefore(deadline)) {
            List<AuditEntry> runs = complianceOfficer.latest(500)
                    .stream()
                    .filter(e -> ScheduledChainVerification.SYSTEM_ACTOR.equals(e.actorName()))
                    .toList();
            if (!runs.isEmpty()) {
                return runs.get(runs.size() - 1);
            }
            Thread.sleep(1_000);
        }
        return fail("no scheduled chain verification was recorded within " + WAIT_FOR_THE_TIMER);
    }
}
