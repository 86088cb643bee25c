package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.prediction.control.CheckpointInhibitorRules;

/** The candidacy facade: validated inputs, every criterion evaluated, audited like a prediction. */
class ImmunotherapyCandidacyTest {

    private final List<RecommendationEvent> recorded = new ArrayList<>();
    private final ImmunotherapyCandidacy candidacy = new ImmunotherapyCandidacy();

    {
        candidacy.pseudonyms = new PatientPseudonyms() {
            @Override
            public String pseudonymOf(String mrn) {
                return "cd".repeat(32);
            }
        };
        candidacy.auditTrail = new AuditTrail() {
            @Override
            public AuditReceipt recordRecommendation(RecommendationEvent event) {
                recorded.add(event);
                return new AuditReceipt(77, Instant.parse("2026-11-25T07:00:00Z"));
            }
        };
    }

    @Test
    void aTmbHighColorectalTumourIsACandidateAndTheAssessmentIsAudited() throws InvalidCaseException {
        CandidacyAssessment assessment = candidacy.assess(new CandidacyRequest("MRN-5", Map.of("tumourType",
                "colorectal", "unresectableOrMetastatic", "yes", "tmb", "14", "msiStatus", "MSS")));
        assertEquals("CANDIDATE", assessment.verdict());
        assertEquals(List.of("tmb-high"), assessment.fired());
        assertEquals(4, assessment.criteria().size());
        assertEquals(77, assessment.auditRecordId());
        RecommendationEvent event = recorded.get(0);
        assertEquals("immunotherapy-candidacy", event.taskId());
        assertEquals(CheckpointInhibitorRules.VERSION, event.modelVersion());
        assertEquals(CheckpointInhibitorRules.sha256(), event.modelSha256());
        assertEquals("{\"inputs\":{\"msiStatus\":\"MSS\",\"tmb\":14,\"tumourType\":\"colorectal\","
                + "\"unresectableOrMetastatic\":\"yes\"},\"taskId\":\"immunotherapy-candidacy\"}", event.inputsJson());
        assertTrue(event.outputsJson().startsWith("{\"criteria\":[{\"explanation\":\"microsatellite stable"),
                event.outputsJson());
        assertTrue(event.outputsJson().endsWith("\"fired\":[\"tmb-high\"],\"verdict\":\"CANDIDATE\"}"), event
                .outputsJson());
        assertFalse(event.inputsJson().contains("MRN-5"));
    }

    @Test
    void withoutBiomarkersTheVerdictSaysTheDataIsInsufficient() throws InvalidCaseException {
        CandidacyAssessment assessment = candidacy.assess(new CandidacyRequest("MRN-5", Map.of("tumourType",
                "gastric", "unresectableOrMetastatic", "yes")));
        assertEquals("INSUFFICIENT_DATA", assessment.verdict());
        assertEquals(List.of(), assessment.fired());
    }

    @Test
    void invalidInputsAreRefusedFieldByFieldAndNothingIsRecorded() {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> candidacy.assess(
                new CandidacyRequest(" ", Map.of("tumourType", "lung", "pdl1Tps", "120", "tmb", "many"))));
        assertEquals(List.of("mrn", "tumourType", "unresectableOrMetastatic", "pdl1Tps", "tmb"), refused.errors()
                .stream().map(FieldError::field).toList());
        assertEquals("pdl1Tps must be at most 100", refused.errors().get(3).message());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void describesItsInputs() {
        assertEquals(List.of("tumourType", "unresectableOrMetastatic", "pdl1Tps", "tmb", "msiStatus", "mmrStatus",
                "egfrOrAlkAlteration"), candidacy.inputs().stream().map(FeatureDescription::name).toList());
    }
}
