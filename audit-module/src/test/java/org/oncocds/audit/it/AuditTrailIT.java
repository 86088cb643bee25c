package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.oncocds.audit.boundary.AnsweringVersionCheck;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.audit.boundary.ChainVerification;
import org.oncocds.audit.boundary.ModelVersionWithdrawnException;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;

@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("audit-it.war");
    }

    @EJB
    AuditTrail auditTrail;

    @EJB
    ClinicianSession clinician;

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @EJB
    ChainInspector chain;

    @EJB
    ChainForger forger;

    @Inject
    PatientPseudonyms pseudonyms;

    @Resource
    ManagedExecutorService executor;

    @Resource
    jakarta.enterprise.concurrent.ManagedThreadFactory threadFactory;

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @Test
    void dataSourceTakesItsSettingsFromConfiguration() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL's driver appends every connection parameter to the URL it reports.
            assertEquals(System.getProperty("oncocds.db.url"), connection.getMetaData().getURL().split("\\?")[0]);
            // The H2 run sets no user, so the default (sa) applies; the PostgreSQL run sets the application's role.
            assertEquals(System.getProperty("oncocds.db.user", "sa").toLowerCase(Locale.ROOT),
                    connection.getMetaData().getUserName().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void recordWrittenInATransactionIsListedNewestFirst() {
        RecommendationEvent first = event("MRN-1001");
        RecommendationEvent second = event("MRN-1002");
        AuditReceipt firstReceipt = clinician.record(first);
        AuditReceipt secondReceipt = clinician.record(second);

        List<AuditEntry> latest = complianceOfficer.latest(2);

        assertEquals(List.of(secondReceipt.recordId(), firstReceipt.recordId()),
                latest.stream().map(AuditEntry::id).toList());
        AuditEntry entry = latest.get(1);
        assertEquals(firstReceipt.recordedAt(), entry.recordedAt());
        assertEquals("RECOMMENDATION", entry.kind());
        assertEquals(first.requestId(), entry.requestId());
        assertEquals(first.patientPseudonym(), entry.patientPseudonym());
        assertEquals(first.taskId(), entry.taskId());
        assertEquals(first.modelVersion(), entry.modelVersion());
        assertEquals(first.modelSha256(), entry.modelSha256());
        assertEquals(first.inputsJson(), entry.inputsJson());
        assertEquals(first.outputsJson(), entry.outputsJson());
    }

    @Test
    void recommendationOfAWithdrawnModelVersionIsNotRecorded() {
        RecommendationEvent withdrawn = event("MRN-1501");
        List<Map<String, String>> asked = new CopyOnWriteArrayList<>();
        AnsweringVersionCheck retired = versions -> {
            asked.add(Map.copyOf(versions));
            return Set.of("colon-recurrence-5y@1");
        };

        ModelVersionWithdrawnException refused = assertThrows(ModelVersionWithdrawnException.class,
                () -> clinician.record(withdrawn, retired));

        assertEquals("colon-recurrence-5y@1", refused.modelVersion());
        assertEquals(List.of(Map.of("colon-recurrence-5y@1", MODEL_SHA256)), asked,
                "asked once, with the version's hash");
        assertNotRecorded(withdrawn);
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void recommendationOfAnAnsweringModelVersionIsRecorded() {
        RecommendationEvent answering = event("MRN-1502");

        AuditReceipt receipt = clinician.record(answering, versions -> Set.of("some-other-task@7"));

        AuditEntry entry = complianceOfficer.latest(AuditTrail.MAX_LIMIT).stream().filter(e -> e.id() == receipt
                .recordId()).findFirst().orElseThrow();
        assertEquals(answering.requestId(), entry.requestId());
    }

    @Test
    void actorIsTakenFromTheSecurityContext() {
        RecommendationEvent event = event("MRN-2001");
        clinician.record(event);

        AuditEntry entry = complianceOfficer.latest(1).get(0);

        assertEquals(event.requestId(), entry.requestId());
        assertEquals("it-clinician", entry.actorName());
        assertEquals("clinician", entry.actorRoles());
    }

    @Test
    void writeWithoutTransactionIsRefused() {
        RecommendationEvent event = event("MRN-3001");
        assertCausedBy(EJBTransactionRequiredException.class, null, () -> clinician.recordWithoutTransaction(event));
        assertNotRecorded(event);
    }

    @Test
    void onlyClinicianRecommendationsAreRecorded() {
        RecommendationEvent byComplianceOfficer = event("MRN-3002");
        assertCausedBy(EJBAccessException.class, null, () -> complianceOfficer.record(byComplianceOfficer));
        assertNotRecorded(byComplianceOfficer);

        RecommendationEvent anonymous = event("MRN-3003");
        assertThrows(EJBAccessException.class, () -> auditTrail.recordRecommendation(anonymous));
        assertNotRecorded(anonymous);
    }

    @Test
    void recordIsCommittedBeforeTheCallerGoesOnSoALaterFailureOfTheCallerKeepsIt() {
        // Group commit: the record commits in the writer's transaction before recordRecommendation returns, so a
        // recommendation is never shown without its committed record; one that fails afterwards stays recorded.
        RecommendationEvent event = event("MRN-4001");
        assertCausedBy(IllegalStateException.class, "recommendation failed", () -> clinician.recordThenFail(event));
        assertTrue(complianceOfficer.latest(AuditTrail.MAX_LIMIT)
                .stream()
                .anyMatch(entry -> entry.requestId().equals(event.requestId())));
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void groupCommitUnderFortyConcurrentClientsGivesOneIntactChainHoldingEveryReceipt() throws Exception {
        int clients = 40;
        int appendsEach = 25;
        List<AuditReceipt> receipts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Concurrently.run(threadFactory, clients, client -> {
            for (int i = 0; i < appendsEach; i++) {
                receipts.add(clinician.record(event("MRN-G" + client + "-" + i)));
            }
        });

        assertEquals(List.of(), failures);
        assertEquals(clients * appendsEach, receipts.size());
        assertEquals(clients * appendsEach, receipts.stream().map(AuditReceipt::recordId).distinct().count());
        List<ChainInspector.Link> links = chain.newestLinks(clients * appendsEach);
        assertEquals(receipts.stream().map(AuditReceipt::recordId).collect(Collectors.toSet()), links.stream()
                .map(ChainInspector.Link::recordId)
                .collect(Collectors.toSet()), "every acknowledged record is in the chain, and nothing else came in");
        ChainVerification verification = complianceOfficer.verifyChain();
        assertTrue(verification.intact(), String.valueOf(verification.problem()));
    }

    @Test
    void malformedEventIsRefusedNamingTheFieldAndNothingIsWritten() {
        RecommendationEvent rawMrn = new RecommendationEvent(UUID.randomUUID().toString(), "colon-recurrence-5y",
                "MRN-5001", "v1", MODEL_SHA256, "{}", "{}");
        assertCausedBy(IllegalArgumentException.class, "patientPseudonym", () -> clinician.record(rawMrn));
        assertNotRecorded(rawMrn);

        RecommendationEvent noTask = new RecommendationEvent(UUID.randomUUID().toString(), " ",
                pseudonyms.pseudonymOf("MRN-5002"), "v1", MODEL_SHA256, "{}", "{}");
        assertCausedBy(IllegalArgumentException.class, "taskId", () -> clinician.record(noTask));
        assertNotRecorded(noTask);
    }

    @Test
    void complianceOfficerMayListButAClinicianMayNot() {
        clinician.record(event("MRN-6001"));
        assertEquals(1, complianceOfficer.latest(1).size());
        assertCausedBy(EJBAccessException.class, null, () -> clinician.latest(1));
    }

    @Test
    void anonymousCallerMayNotList() {
        assertThrows(EJBAccessException.class, () -> auditTrail.latest(1));
    }

    @Test
    void limitOutsideOneToFiveHundredIsRefused() {
        assertCausedBy(IllegalArgumentException.class, "limit", () -> complianceOfficer.latest(0));
        assertCausedBy(IllegalArgumentException.class, "limit", () -> complianceOfficer.latest(501));
        clinician.record(event("MRN-7001"));
        clinician.record(event("MRN-7002"));
        assertEquals(1, complianceOfficer.latest(1).size());
        assertTrue(complianceOfficer.latest(500).size() >= 2);
    }

    @Test
    void concurrentAppendsFormOneChainWithoutForkOrGap() throws Exception {
        int appends = 40;
        List<Future<AuditReceipt>> pending = new ArrayList<>();
        for (int i = 0; i < appends; i++) {
            RecommendationEvent event = event("MRN-8" + i);
            pending.add(executor.submit(() -> clinician.record(event)));
        }
        Set<Long> written = new HashSet<>();
        for (Future<AuditReceipt> receipt : pending) {
            written.add(receipt.get(120, TimeUnit.SECONDS).recordId());
        }

        List<ChainInspector.Link> links = chain.newestLinks(appends + 1);

        assertEquals(written, links.stream().skip(1).map(ChainInspector.Link::recordId).collect(Collectors.toSet()),
                "the newest links are exactly the concurrent appends");
        for (int i = 1; i < links.size(); i++) {
            ChainInspector.Link previous = links.get(i - 1);
            ChainInspector.Link link = links.get(i);
            assertEquals(previous.sequenceNumber() + 1, link.sequenceNumber(), "no gap, no fork");
            assertEquals(previous.hash(), link.previousHash(), "linked to its predecessor");
            assertEquals(link.hash(), link.recomputedHash(), "stored hash matches the stored row");
        }
    }

    @Test
    void verificationFindsARowChangedInTheDatabase() throws Exception {
        AuditReceipt receipt = clinician.record(event("MRN-9001"));
        assertTrue(complianceOfficer.verifyChain().intact(), "the chain is intact before the change");
        String original = outputsOf(receipt.recordId());
        setOutputs(receipt.recordId(), "{\"risks\":{\"Obs\":0.01}}");
        try {
            ChainVerification result = complianceOfficer.verifyChain();

            assertFalse(result.intact());
            assertEquals(receipt.recordId(), result.brokenRecordId());
            assertTrue(result.problem().contains("changed"), result.problem());
        } finally {
            setOutputs(receipt.recordId(), original);
        }
        assertTrue(complianceOfficer.verifyChain().intact(), "the chain is intact again once the row is restored");
    }

    @Test
    void chainRewrittenWithValidHashesButWithoutTheSealKeyIsDetected() throws Exception {
        AuditReceipt rewritten = clinician.record(event("MRN-9101"));
        clinician.record(event("MRN-9102"));
        String original = outputsOf(rewritten.recordId());
        assertTrue(complianceOfficer.verifyChain().intact(), "the chain is intact before the rewrite");
        forger.rewrite(rewritten.recordId(), "{\"risks\":{\"Obs\":0.01}}");
        try {
            for (ChainInspector.Link link : chain.newestLinks(3)) {
                assertEquals(link.hash(), link.recomputedHash(), "a plain hash chain would find nothing wrong");
            }

            ChainVerification result = complianceOfficer.verifyChain();

            assertFalse(result.intact());
            assertEquals(rewritten.recordId(), result.brokenRecordId());
            assertTrue(result.problem().contains("seal does not match"), result.problem());
            // That run was recorded on top of the forged chain; rewriting the chain back would break that record's
            // own link, so it goes before the original content is restored.
            assertFalse(complianceOfficer.lastVerification().orElseThrow().intact());
            forger.cutTail(1);
        } finally {
            forger.rewrite(rewritten.recordId(), original);
        }
        assertTrue(complianceOfficer.verifyChain().intact(), "rewriting the original content restores the hashes");
    }

    @Test
    void removedTailIsDetectedAgainstAKeptCheckpoint() throws Exception {
        clinician.record(event("MRN-9201"));
        clinician.record(event("MRN-9202"));
        // Downloaded as text by a compliance officer, kept outside, read back later.
        ChainCheckpoint kept = ChainCheckpoint.parse(complianceOfficer.checkpoint().asText());
        assertTrue(complianceOfficer.verifyChainAgainst(kept).intact(), "nothing is missing yet");

        forger.cutTail(2);

        ChainVerification alone = complianceOfficer.verifyChain();
        assertTrue(alone.intact(), "a cleanly cut chain verifies on its own");
        ChainVerification againstCheckpoint = complianceOfficer.verifyChainAgainst(kept);
        assertFalse(againstCheckpoint.intact());
        assertEquals(kept.sequenceNumber(), againstCheckpoint.brokenSequenceNumber());
        // The verification run just before was recorded where the cut records were, so the checkpoint's place in the
        // chain now holds another record.
        assertTrue(againstCheckpoint.problem().contains("were removed"), againstCheckpoint.problem());
    }

    @Test
    void alteredCheckpointIsRefusedAndOnlyComplianceOfficersTakeThem() {
        clinician.record(event("MRN-9301"));
        ChainCheckpoint kept = complianceOfficer.checkpoint();
        ChainCheckpoint altered = new ChainCheckpoint(kept.sequenceNumber() + 1, kept.hash(), kept.takenAt(),
                kept.signature());

        assertCausedBy(IllegalArgumentException.class, "checkpoint signature does not match",
                () -> complianceOfficer.verifyChainAgainst(altered));
        assertCausedBy(EJBAccessException.class, null, () -> clinician.checkpoint());
    }

    @Test
    void everyVerificationRunIsRecordedAndAnIntactOneSignsACheckpoint() {
        clinician.record(event("MRN-9401"));
        ChainVerification result = complianceOfficer.verifyChain();
        assertTrue(result.intact());

        ChainVerification last = complianceOfficer.lastVerification().orElseThrow();
        assertEquals(result, last, "the last run's result and time, as it was returned");
        ChainCheckpoint latest = complianceOfficer.latestCheckpoint().orElseThrow();
        assertEquals(result.recordsChecked(), latest.sequenceNumber(), "it vouches for the head that run verified");
        assertTrue(complianceOfficer.verifyChainAgainst(ChainCheckpoint.parse(latest.asText())).intact());
        List<AuditEntry> newest = complianceOfficer.latest(2);
        assertEquals("GOVERNANCE", newest.get(0).kind());
        assertTrue(newest.get(0).inputsJson().contains("\"againstCheckpoint\""), newest.get(0).inputsJson());
        assertTrue(newest.get(1).inputsJson().contains("\"intact\":\"true\""), newest.get(1).inputsJson());
        assertEquals("it-compliance-officer", newest.get(1).actorName());
    }

    @Test
    void onlyComplianceOfficersMayVerify() {
        assertCausedBy(EJBAccessException.class, null, () -> clinician.verifyChain());
    }

    private String outputsOf(long recordId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection
                        .prepareStatement("SELECT OUTPUTS_JSON FROM AUDIT_RECORD WHERE ID = ?")) {
            select.setLong(1, recordId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    /** Changes a row behind the application's back, as someone with database access could. */
    private void setOutputs(long recordId, String outputsJson) throws Exception {
        try (Connection connection = DatabaseAdministrator.connection(dataSource);
                PreparedStatement update = connection
                        .prepareStatement("UPDATE AUDIT_RECORD SET OUTPUTS_JSON = ? WHERE ID = ?")) {
            update.setString(1, outputsJson);
            update.setLong(2, recordId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private RecommendationEvent event(String mrn) {
        return new RecommendationEvent(UUID.randomUUID().toString(), "colon-recurrence-5y", pseudonyms.pseudonymOf(mrn),
                "colon-recurrence-5y@1", MODEL_SHA256, "{\"age\":61,\"rx\":\"Lev\"}",
                "{\"risks\":{\"Obs\":0.42,\"Lev\":0.39,\"Lev+5FU\":0.31}}");
    }

    private void assertNotRecorded(RecommendationEvent event) {
        assertFalse(complianceOfficer.latest(AuditTrail.MAX_LIMIT)
                .stream()
                .anyMatch(entry -> entry.requestId().equals(event.requestId())),
                "no record may exist for request " + event.requestId());
    }

    private static void assertCausedBy(Class<? extends Throwable> expected, String messagePart, Executable call) {
        Causes.assertCausedBy(expected, messagePart, call);
    }
}
