package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oncocds.audit.it.Causes.assertCausedBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditEntryWithDecision;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.Decision;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.DecisionRefusedException;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.audit.boundary.RecordedDecision;

/** The clinician's decision on a recommendation: its own record, linked, chained, refused when it makes no sense. */
@ExtendWith(ArquillianExtension.class)
class AuditDecisionIT {

    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("audit-decision-it.war");
    }

    @EJB
    AuditTrail auditTrail;

    @EJB
    ClinicianSession clinician;

    @EJB
    OtherClinicianSession otherClinician;

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @EJB
    ChainInspector chain;

    @Inject
    PatientPseudonyms pseudonyms;

    @Test
    void overrideIsRecordedAsItsOwnRecordLinkedToTheRecommendation() {
        RecommendationEvent recommendation = recommendation("MRN-D1");
        AuditReceipt recommended = clinician.record(recommendation);
        DecisionEvent override = DecisionEvent.overridden(UUID.randomUUID().toString(), recommended.recordId(), "Lev",
                "patient declines 5-FU after discussing side effects");

        AuditReceipt decided = clinician.decide(override);

        assertTrue(decided.recordId() != recommended.recordId());
        Map<Long, AuditEntryWithDecision> latest = latestById(2);
        AuditEntry decisionEntry = latest.get(decided.recordId()).entry();
        assertEquals("DECISION", decisionEntry.kind());
        assertEquals("it-clinician", decisionEntry.actorName());
        assertEquals(override.requestId(), decisionEntry.requestId());
        assertEquals(recommendation.patientPseudonym(), decisionEntry.patientPseudonym());
        assertEquals(recommendation.modelVersion(), decisionEntry.modelVersion());
        assertTrue(decisionEntry.inputsJson().contains("\"chosenOption\":\"Lev\""), decisionEntry.inputsJson());

        RecordedDecision decision = latest.get(recommended.recordId()).decision();
        assertEquals(new RecordedDecision(decided.recordId(), recommended.recordId(), decided.recordedAt(),
                "it-clinician", Decision.OVERRIDDEN, "Lev", override.reason()), decision);
        assertEquals(decision, clinician.decisionOn(recommended.recordId()).orElseThrow());
        assertEquals(decision, complianceOfficer.decisionOn(recommended.recordId()).orElseThrow());
        assertNull(latest.get(decided.recordId()).decision(), "a decision record has no decision of its own");
    }

    @Test
    void complianceOfficerLooksUpOneRecordByIdWithItsDecision() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D11"));
        AuditReceipt decided = clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(),
                recommended.recordId()));

        AuditEntryWithDecision found = complianceOfficer.entry(recommended.recordId()).orElseThrow();
        assertEquals(latestById(2).get(recommended.recordId()), found);
        assertEquals(decided.recordId(), found.decision().recordId());
        assertNull(complianceOfficer.entry(decided.recordId()).orElseThrow().decision(),
                "a decision record has no decision of its own");
        assertTrue(complianceOfficer.entry(Long.MAX_VALUE).isEmpty(), "an unknown id finds nothing");
        assertCausedBy(EJBAccessException.class, null, () -> clinician.entry(recommended.recordId()));
    }

    @Test
    void acceptanceIsAppendedToTheSameChain() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D2"));
        assertTrue(clinician.decisionOn(recommended.recordId()).isEmpty(), "no decision yet");

        AuditReceipt accepted = clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(),
                recommended.recordId()));

        List<ChainInspector.Link> links = chain.newestLinks(2);
        assertEquals(List.of(recommended.recordId(), accepted.recordId()),
                links.stream().map(ChainInspector.Link::recordId).toList());
        assertEquals(links.get(0).hash(), links.get(1).previousHash());
        assertEquals(links.get(1).hash(), links.get(1).recomputedHash());
        RecordedDecision decision = clinician.decisionOn(recommended.recordId()).orElseThrow();
        assertEquals(Decision.ACCEPTED, decision.decision());
        assertNull(decision.chosenOption());
        assertNull(decision.reason());
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    @Test
    void secondDecisionOnARecommendationIsRefused() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D3"));
        AuditReceipt first = clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(),
                recommended.recordId()));
        DecisionEvent second = DecisionEvent.overridden(UUID.randomUUID().toString(), recommended.recordId(), "Obs",
                "changed my mind");

        DecisionRefusedException refused = assertThrows(DecisionRefusedException.class, () -> clinician.decide(second));

        assertEquals("recommendationRecordId", refused.field());
        assertTrue(refused.getMessage().contains("already has a decision (record " + first.recordId() + ")"));
        assertEquals(Decision.ACCEPTED, clinician.decisionOn(recommended.recordId()).orElseThrow().decision());
        assertNotRecorded(second);
    }

    @Test
    void onlyTheClinicianWhoAskedMayDecide() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D4"));
        DecisionEvent byColleague = DecisionEvent.accepted(UUID.randomUUID().toString(), recommended.recordId());

        DecisionRefusedException refused = assertThrows(DecisionRefusedException.class,
                () -> otherClinician.decide(byColleague));

        assertEquals("recommendationRecordId", refused.field());
        assertTrue(refused.getMessage().contains("another user"), refused.getMessage());
        assertNotRecorded(byColleague);
        assertEquals("it-other-clinician", actorOf(otherClinician.record(recommendation("MRN-D5"))),
                "the colleague is a distinct clinician");
    }

    @Test
    void decisionOnAMissingRecordOrOnADecisionIsRefused() {
        DecisionEvent onNothing = DecisionEvent.accepted(UUID.randomUUID().toString(), Long.MAX_VALUE);
        assertEquals("recommendationRecordId",
                assertThrows(DecisionRefusedException.class, () -> clinician.decide(onNothing)).field());

        AuditReceipt recommended = clinician.record(recommendation("MRN-D6"));
        AuditReceipt decided = clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(),
                recommended.recordId()));
        DecisionEvent onDecision = DecisionEvent.accepted(UUID.randomUUID().toString(), decided.recordId());
        DecisionRefusedException refused = assertThrows(DecisionRefusedException.class,
                () -> clinician.decide(onDecision));
        assertTrue(refused.getMessage().contains("names no recommendation"), refused.getMessage());
        assertNotRecorded(onDecision);
    }

    @Test
    void overrideWithoutReasonIsRefusedNamingTheField() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D7"));
        DecisionEvent noReason = DecisionEvent.overridden(UUID.randomUUID().toString(), recommended.recordId(), "Lev",
                "   ");

        assertEquals("reason", assertThrows(DecisionRefusedException.class, () -> clinician.decide(noReason)).field());
        assertNotRecorded(noReason);
        assertTrue(clinician.decisionOn(recommended.recordId()).isEmpty());
    }

    @Test
    void decisionRollsBackWithTheCallersTransaction() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D8"));
        DecisionEvent event = DecisionEvent.accepted(UUID.randomUUID().toString(), recommended.recordId());

        assertCausedBy(IllegalStateException.class, "request failed", () -> clinician.decideThenFail(event));

        assertTrue(clinician.decisionOn(recommended.recordId()).isEmpty());
        clinician.decide(event);
        assertTrue(clinician.decisionOn(recommended.recordId()).isPresent(), "the decision can then be made");
    }

    @Test
    void onlyCliniciansDecideAndOnlyOnTheirOwnRecommendationsTheySeeDecisions() {
        AuditReceipt recommended = clinician.record(recommendation("MRN-D9"));
        DecisionEvent event = DecisionEvent.accepted(UUID.randomUUID().toString(), recommended.recordId());
        assertCausedBy(EJBAccessException.class, null, () -> complianceOfficer.decide(event));
        assertThrows(EJBAccessException.class, () -> auditTrail.recordDecision(event));
        assertThrows(EJBAccessException.class, () -> auditTrail.latestWithDecisions(1));
        assertCausedBy(EJBAccessException.class, null, () -> clinician.latestWithDecisions(1));
        assertNotRecorded(event);

        AuditReceipt colleagues = otherClinician.record(recommendation("MRN-D10"));
        assertEquals("recommendationRecordId", assertThrows(DecisionRefusedException.class,
                () -> clinician.decisionOn(colleagues.recordId())).field());
    }

    private Map<Long, AuditEntryWithDecision> latestById(int limit) {
        return complianceOfficer.latestWithDecisions(limit)
                .stream()
                .collect(Collectors.toMap(e -> e.entry().id(), Function.identity()));
    }

    private String actorOf(AuditReceipt receipt) {
        return latestById(AuditTrail.MAX_LIMIT).get(receipt.recordId()).entry().actorName();
    }

    private void assertNotRecorded(DecisionEvent event) {
        assertFalse(complianceOfficer.latest(AuditTrail.MAX_LIMIT)
                .stream()
                .anyMatch(entry -> entry.requestId().equals(event.requestId())),
                "no record may exist for request " + event.requestId());
    }

    private RecommendationEvent recommendation(String mrn) {
        return new RecommendationEvent(UUID.randomUUID().toString(), "colon-recurrence-5y",
                pseudonyms.pseudonymOf(mrn), "colon-recurrence-5y@1", MODEL_SHA256, "{\"age\":61,\"rx\":\"Lev\"}",
                "{\"risks\":{\"Obs\":0.42,\"Lev\":0.39,\"Lev+5FU\":0.31}}");
    }
}
