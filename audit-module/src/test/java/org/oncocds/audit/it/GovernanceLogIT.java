package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.audit.boundary.GovernanceRefusedException;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.audit.boundary.RecommendationFact;

/** Governance records in the chain, and the recommendation history for outcome monitoring. */
@ExtendWith(ArquillianExtension.class)
class GovernanceLogIT {

    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("governance-it.war");
    }

    @EJB
    GovernanceLog governanceLog;

    @EJB
    ClinicianSession clinician;

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @EJB
    ChainInspector chain;

    @Inject
    PatientPseudonyms pseudonyms;

    @Resource
    ManagedThreadFactory threads;

    @Test
    void unauthenticatedCallerIsRecordedAsAnonymousWithTheAttemptedUserAsDetail() {
        String requestId = UUID.randomUUID().toString();
        AuditReceipt receipt = governanceLog.record(new GovernanceEvent(requestId, GovernanceAction.LOGIN_FAILED,
                "user jdoe", Map.of("attemptedUser", "jdoe")));

        ChainInspector.Stored stored = chain.stored(receipt.recordId());
        assertEquals("GOVERNANCE", stored.kind());
        assertEquals("anonymous", stored.actorName());
        assertEquals("", stored.actorRoles());
        assertEquals("LOGIN_FAILED", stored.action());
        assertEquals("user jdoe", stored.subject());
        assertEquals("{\"attemptedUser\":\"jdoe\"}", stored.detailsJson());
        assertEquals(requestId, stored.requestId());
        assertNull(stored.patientPseudonym());
        assertTrue(complianceOfficer.verifyChain().intact(), "governance records keep the chain intact");
    }

    @Test
    void actorComesFromTheContainer() {
        AuditReceipt receipt = clinician.govern(new GovernanceEvent(null, GovernanceAction.LOGIN, "user it-clinician",
                null));

        ChainInspector.Stored stored = chain.stored(receipt.recordId());
        assertEquals("it-clinician", stored.actorName());
        assertEquals("clinician", stored.actorRoles());
        assertEquals("{}", stored.detailsJson());
        assertEquals(36, stored.requestId().length(), "a missing request id is replaced by a random UUID");
    }

    @Test
    void recordCommitsOrRollsBackWithTheCallersTransaction() {
        String requestId = UUID.randomUUID().toString();
        Causes.assertCausedBy(IllegalStateException.class, "change failed", () -> clinician.governThenFail(
                new GovernanceEvent(requestId, GovernanceAction.MODEL_STATE_CHANGED, "model t/1", Map.of("to",
                        "ACTIVE"))));
        assertEquals(0, chain.countWithRequestId(requestId));
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void badEventIsRefusedNamingTheFieldAndNothingIsWritten() {
        String requestId = UUID.randomUUID().toString();
        GovernanceRefusedException subject = Causes.assertCausedBy(GovernanceRefusedException.class, "subject",
                () -> clinician.govern(new GovernanceEvent(requestId, GovernanceAction.EXPORT, " ", Map.of())));
        assertEquals("subject", subject.field());
        GovernanceRefusedException action = Causes.assertCausedBy(GovernanceRefusedException.class, "action",
                () -> governanceLog.record(new GovernanceEvent(requestId, null, "audit-export", Map.of())));
        assertEquals("action", action.field());
        Causes.assertCausedBy(GovernanceRefusedException.class, "details", () -> clinician.govern(
                new GovernanceEvent(requestId, GovernanceAction.EXPORT, "audit-export",
                        Map.of("k", "v".repeat(1001)))));
        assertEquals(0, chain.countWithRequestId(requestId));
    }

    @Test
    void anExternalEventRecordedTwiceIsRecordedOnceWithItsIdAndTimeInTheSealedDetails() {
        String externalId = "keycloak-event:" + UUID.randomUUID();
        Instant occurredAt = Instant.parse("2026-11-25T08:00:00.123456Z");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        Optional<AuditReceipt> recorded = governanceLog.recordOnce(externalId, occurredAt, failedLogin(first));
        Optional<AuditReceipt> again = governanceLog.recordOnce(externalId, occurredAt, failedLogin(second));

        assertTrue(recorded.isPresent());
        assertTrue(again.isEmpty(), "the second import of the same event records nothing");
        assertEquals(1, chain.countWithRequestId(first));
        assertEquals(0, chain.countWithRequestId(second));
        ChainInspector.Stored stored = chain.stored(recorded.get().recordId());
        assertEquals("LOGIN_FAILED", stored.action());
        assertEquals("anonymous", stored.actorName());
        assertEquals("{\"attemptedUser\":\"jdoe\",\"externalEventId\":\"" + externalId
                + "\",\"externalEventTime\":\"2026-11-25T08:00:00.123456Z\"}", stored.detailsJson());
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void concurrentImportsOfOneEventRecordItOnceAndKeepTheChainIntact() throws InterruptedException {
        String externalId = "keycloak-event:" + UUID.randomUUID();
        int importers = 8;
        List<String> requestIds = new ArrayList<>();
        List<Optional<AuditReceipt>> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < importers; i++) {
            requestIds.add(UUID.randomUUID().toString());
        }
        List<Throwable> failures = Concurrently.run(threads, importers, i -> results.add(governanceLog.recordOnce(
                externalId, Instant.now(), failedLogin(requestIds.get(i)))));

        assertEquals(List.of(), failures);
        assertEquals(1, results.stream().filter(Optional::isPresent).count(), "exactly one import records it");
        assertEquals(1, requestIds.stream().mapToLong(chain::countWithRequestId).sum());
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void anImportRolledBackWithItsTransactionIsRecordedByTheNextImport() {
        String externalId = "keycloak-event:" + UUID.randomUUID();
        String rolledBack = UUID.randomUUID().toString();
        Causes.assertCausedBy(IllegalStateException.class, "import failed", () -> clinician.governOnceThenFail(
                externalId, failedLogin(rolledBack)));
        assertEquals(0, chain.countWithRequestId(rolledBack));

        assertTrue(governanceLog.recordOnce(externalId, failedLogin(UUID.randomUUID().toString())).isPresent());
    }

    @Test
    void latestExternalEventTimeIsTheNewestSourceTimeOfThePrefix() {
        String stem = "source-" + UUID.randomUUID();
        String source = stem + ":";
        Instant older = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        Instant newer = older.plus(90, ChronoUnit.MINUTES);
        assertEquals(Optional.empty(), governanceLog.latestExternalEventTime(source));

        governanceLog.recordOnce(source + "2", newer, failedLogin(null));
        governanceLog.recordOnce(source + "1", older, failedLogin(null));
        governanceLog.recordOnce(source + "3", failedLogin(null));

        assertEquals(Optional.of(newer), governanceLog.latestExternalEventTime(source));
        assertEquals(Optional.empty(), governanceLog.latestExternalEventTime(stem + "_"),
                "'_' in a prefix is matched literally");
        assertEquals(Optional.empty(), governanceLog.latestExternalEventTime(stem + "%"),
                "'%' in a prefix is matched literally");
    }

    @Test
    void badExternalEventIsRefusedNamingTheFieldAndNothingIsWritten() {
        String requestId = UUID.randomUUID().toString();
        GovernanceRefusedException blank = Causes.assertCausedBy(GovernanceRefusedException.class,
                "externalEventId", () -> governanceLog.recordOnce(" ", failedLogin(requestId)));
        assertEquals("externalEventId", blank.field());
        GovernanceRefusedException reserved = Causes.assertCausedBy(GovernanceRefusedException.class,
                "externalEventId", () -> governanceLog.recordOnce("keycloak-event:" + UUID.randomUUID(),
                        new GovernanceEvent(requestId, GovernanceAction.LOGIN_FAILED, "user jdoe", Map.of(
                                "externalEventId", "other"))));
        assertEquals("details", reserved.field());
        Causes.assertCausedBy(GovernanceRefusedException.class, "prefix", () -> governanceLog
                .latestExternalEventTime(""));
        assertEquals(0, chain.countWithRequestId(requestId));
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void latestDetailsAreTheNewestRecordsOfThatActionAndSubjectCheckedAgainstTheSeal() {
        String subject = "model details-" + UUID.randomUUID() + "/1";
        assertEquals(Optional.empty(), governanceLog.latestDetails(GovernanceAction.MODEL_TRAINED, subject));
        clinician.govern(new GovernanceEvent(null, GovernanceAction.MODEL_TRAINED, subject, Map.of("sha256", "ab")));
        clinician.govern(new GovernanceEvent(null, GovernanceAction.MODEL_TRAINED, subject, Map.of("sha256", "cd")));
        clinician.govern(new GovernanceEvent(null, GovernanceAction.MODEL_STATE_CHANGED, subject, Map.of("to",
                "ACTIVE")));

        assertEquals(Optional.of(Map.of("sha256", "cd")), governanceLog.latestDetails(GovernanceAction.MODEL_TRAINED,
                subject));
        Causes.assertCausedBy(GovernanceRefusedException.class, "subject", () -> governanceLog.latestDetails(
                GovernanceAction.MODEL_TRAINED, " "));
    }

    private static GovernanceEvent failedLogin(String requestId) {
        return new GovernanceEvent(requestId, GovernanceAction.LOGIN_FAILED, "user jdoe", Map.of("attemptedUser",
                "jdoe"));
    }

    @Test
    void historyListsATasksRecommendationsWithTheChosenOption() {
        String taskId = "history-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        AuditReceipt accepted = clinician.record(event(taskId, "MRN-H1", "{\"recommendedOption\":\"Lev+5FU\"}"));
        AuditReceipt overridden = clinician.record(event(taskId, "MRN-H2", "{\"recommendedOption\":\"Lev+5FU\"}"));
        AuditReceipt acceptedWithoutOption = clinician.record(event(taskId, "MRN-H3", "{\"options\":[]}"));
        AuditReceipt undecided = clinician.record(event(taskId, "MRN-H4", "{\"recommendedOption\":\"Obs\"}"));
        clinician.record(event("other-" + UUID.randomUUID(), "MRN-H5", "{}"));
        clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(), accepted.recordId()));
        clinician.decide(DecisionEvent.overridden(UUID.randomUUID().toString(), overridden.recordId(), "Obs",
                "patient declined chemotherapy"));
        clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(), acceptedWithoutOption.recordId()));

        List<RecommendationFact> facts = complianceOfficer.recommendations(taskId, before, Instant.now()
                .plusSeconds(1));

        assertEquals(List.of(accepted.recordId(), overridden.recordId(), acceptedWithoutOption.recordId(),
                undecided.recordId()), facts.stream().map(RecommendationFact::recordId).toList());
        assertEquals("Lev+5FU", facts.get(0).chosenOption());
        assertEquals("Obs", facts.get(1).chosenOption());
        assertNull(facts.get(2).chosenOption(), "accepted, but the outputs name no recommended option");
        assertNull(facts.get(3).chosenOption(), "no decision");
        assertEquals(pseudonyms.pseudonymOf("MRN-H1"), facts.get(0).patientPseudonym());
        assertEquals(accepted.recordedAt(), facts.get(0).recordedAt());
        assertEquals("{\"recommendedOption\":\"Lev+5FU\"}", facts.get(0).outputsJson());

        List<RecommendationFact> untilTheThird = complianceOfficer.recommendations(taskId, before,
                acceptedWithoutOption.recordedAt());
        assertEquals(2, untilTheThird.size(), "the end of the range is exclusive");
    }

    @Test
    void historyIsForComplianceOfficersAndAdminsAndChecksItsArguments() {
        Instant now = Instant.now();
        Causes.assertCausedBy(EJBAccessException.class, null, () -> clinician.recommendations("t", now.minusSeconds(
                60), now));
        Causes.assertCausedBy(IllegalArgumentException.class, "taskId", () -> complianceOfficer.recommendations(" ",
                now.minusSeconds(60), now));
        Causes.assertCausedBy(IllegalArgumentException.class, "from must be before toExclusive",
                () -> complianceOfficer.recommendations("t", now, now));
    }

    private RecommendationEvent event(String taskId, String mrn, String outputsJson) {
        return new RecommendationEvent(UUID.randomUUID().toString(), taskId, pseudonyms.pseudonymOf(mrn),
                taskId + "/1", MODEL_SHA256, "{\"age\":61}", outputsJson);
    }
}
