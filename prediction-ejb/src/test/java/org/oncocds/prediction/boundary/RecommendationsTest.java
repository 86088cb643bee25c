package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AnsweringVersionCheck;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ModelVersionWithdrawnException;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.prediction.control.AnsweringModels;
import org.oncocds.prediction.control.CanonicalJson;
import org.oncocds.prediction.control.MemoryVersionStore;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TrainedRegistry;

/** The facade's order of work with the real model; the audit trail and pseudonyms are recorded, not written. */
class RecommendationsTest {

    private static final ModelRegistry REGISTRY = TrainedRegistry.create();
    private static final String PSEUDONYM = "ab".repeat(32);
    private static final Instant RECORDED_AT = Instant.parse("2026-11-25T04:00:00Z");

    private final List<RecommendationEvent> recorded = new ArrayList<>();
    private final List<RecommendationEvent> withdrawals = new ArrayList<>();
    /** What the answering-version check withdraws at the next commit (then nothing). */
    private Set<String> withdrawn = Set.of();
    private final List<String> pseudonymised = new ArrayList<>();
    private final Recommendations recommendations = new Recommendations();
    private final MemoryVersionStore store = TrainedRegistry.activeStore();

    @BeforeEach
    void wire() {
        recommendations.registry = REGISTRY;
        recommendations.answering = AnsweringModels.over(store, REGISTRY);
        recommendations.answeringCheck = versions -> withdrawn;
        recommendations.pseudonyms = new PatientPseudonyms() {
            @Override
            public String pseudonymOf(String mrn) {
                pseudonymised.add(mrn);
                return PSEUDONYM;
            }
        };
        recommendations.auditTrail = new AuditTrail() {
            @Override
            public AuditReceipt recordRecommendation(RecommendationEvent event) {
                throw new AssertionError("a model's recommendation is recorded with its answering-version check");
            }

            @Override
            public AuditReceipt recordRecommendation(RecommendationEvent event, AnsweringVersionCheck check) {
                assertSame(recommendations.answeringCheck, check);
                Set<String> refused = check.withdrawn(Map.of(event.modelVersion(), event.modelSha256()));
                if (refused.contains(event.modelVersion())) {
                    withdrawals.add(event);
                    withdrawn = Set.of();
                    throw new ModelVersionWithdrawnException(event.modelVersion());
                }
                recorded.add(event);
                return new AuditReceipt(41, RECORDED_AT);
            }
        };
    }

    @Test
    void comparesEveryOptionAndRecordsWhatItReturns() throws InvalidCaseException {
        TreatmentComparison comparison = recommendations.compareTreatments(request("Obs"));
        assertEquals(List.of("Obs", "Lev", "Lev+5FU"), comparison.options().stream().map(OptionRisk::option)
                .toList());
        assertEquals(1, recorded.size());
        RecommendationEvent event = recorded.get(0);
        assertEquals("colon-recurrence-5y", event.taskId());
        assertEquals(comparison.model().version(), event.modelVersion());
        assertEquals(comparison.model().sha256(), event.modelSha256());
        assertEquals(PSEUDONYM, event.patientPseudonym());
        assertEquals(AuditDocuments.outputsJson("Obs", comparison.options(), comparison.drivers(), AuditDocuments
                .recommendedOption(true, comparison.options())), event.outputsJson());
        String lowest = comparison.options().stream().min(java.util.Comparator.comparingDouble(OptionRisk::risk))
                .orElseThrow().option();
        assertTrue(event.outputsJson().contains("\"recommendedOption\":\"" + lowest + "\""), event.outputsJson());
        assertTrue(event.inputsJson().contains("\"nodes\":{\"imputed\":true"), event.inputsJson());
        assertEquals(event.requestId(), UUID.fromString(event.requestId()).toString());
        assertEquals(41, comparison.auditRecordId());
        assertEquals(RECORDED_AT, comparison.auditedAt());
        assertEquals(PSEUDONYM, comparison.patientPseudonym());
    }

    @Test
    void pseudonymisesTheTrimmedMrnAndNeverRecordsIt() throws InvalidCaseException {
        recommendations.compareTreatments(request("Obs"));
        assertEquals(List.of("MRN-0042"), pseudonymised);
        assertFalse(recorded.get(0).toString().contains("MRN-0042"));
    }

    @Test
    void aTaskWithoutAnActiveVersionIsRefusedAndNothingIsRecorded() {
        recommendations.answering = AnsweringModels.over(TrainedRegistry.store(), REGISTRY);
        NoActiveModelException refused = assertThrows(NoActiveModelException.class, () -> recommendations
                .compareTreatments(request("Obs")));
        assertEquals("colon-recurrence-5y", refused.taskId());
        assertTrue(recorded.isEmpty());
        assertTrue(pseudonymised.isEmpty());
    }

    @Test
    void aVersionWithdrawnBeforeItsRecordCommittedIsAskedForAgainAndOnlyTheAnswerFromTheActiveVersionIsRecorded()
            throws InvalidCaseException {
        String version = recommendations.compareTreatments(request("Obs")).model().version();
        recorded.clear();
        withdrawn = Set.of(version);

        TreatmentComparison comparison = recommendations.compareTreatments(request("Obs"));

        assertEquals(1, withdrawals.size(), "the remembered version was refused once at commit");
        assertEquals(1, recorded.size(), "only the second computation was recorded");
        assertEquals(comparison.auditRecordId(), 41);
        assertFalse(withdrawals.get(0).requestId().equals(recorded.get(0).requestId()));
    }

    @Test
    void aTaskWhoseVersionWasRetiredElsewhereGetsNoAnswerAndNothingIsRecorded() throws InvalidCaseException {
        MemoryVersionStore shared = TrainedRegistry.activeStore();
        recommendations.answering = AnsweringModels.over(shared, REGISTRY);
        String version = recommendations.compareTreatments(request("Obs")).model().version();
        recorded.clear();
        // Another server retires the version: this server still remembers it, the commit-time check refuses it.
        shared.find(version).orElseThrow().setState("RETIRED", "other-server-admin",
                Instant.parse("2026-11-25T05:00:00Z"));
        withdrawn = Set.of(version);

        assertThrows(NoActiveModelException.class, () -> recommendations.compareTreatments(request("Obs")));

        assertEquals(1, withdrawals.size());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void showsTheImputedValuesItUsed() throws InvalidCaseException {
        TreatmentComparison comparison = recommendations.compareTreatments(request("Obs"));
        InputValue nodes = comparison.inputs().stream().filter(input -> input.feature().equals("nodes")).findFirst()
                .orElseThrow();
        assertTrue(nodes.imputed());
        assertEquals(
                REGISTRY.model(store.find("colon-recurrence-5y/1").orElseThrow()).imputation().numbers().get("nodes"),
                Double
                        .parseDouble(nodes.value()));
    }

    @Test
    void givesEachOptionAnUncertaintyIntervalAndRecordsIt() throws InvalidCaseException {
        TreatmentComparison comparison = recommendations.compareTreatments(request("Obs"));
        for (OptionRisk option : comparison.options()) {
            assertTrue(option.riskLower() <= option.risk() && option.risk() <= option.riskUpper(), option.toString());
            assertTrue(option.benefitLower() <= option.absoluteBenefit() && option.absoluteBenefit() <= option
                    .benefitUpper(), option.toString());
        }
        OptionRisk reference = comparison.options().get(0);
        assertEquals(0.0, reference.benefitLower());
        assertEquals(0.0, reference.benefitUpper());
        assertTrue(recorded.get(0).outputsJson().contains("\"riskInterval\":[" + CanonicalJson.of(List.of(
                reference.riskLower(), reference.riskUpper())).substring(1)), recorded.get(0).outputsJson());
    }

    @Test
    void explainsTheRiskUnderTheReferenceOptionFeatureByFeature() throws InvalidCaseException {
        TreatmentComparison comparison = recommendations.compareTreatments(request("Lev"));
        assertEquals(9, comparison.drivers().size());
        Driver largest = comparison.drivers().get(0);
        comparison.drivers().forEach(driver -> assertTrue(Math.abs(driver.riskChange()) <= Math.abs(largest
                .riskChange())));
        Driver nodes = comparison.drivers().stream().filter(driver -> driver.feature().equals("nodes")).findFirst()
                .orElseThrow();
        // nodes was left blank: imputed with the training mean, which is also its reference value.
        assertEquals(nodes.referenceValue(), nodes.value());
        assertEquals(0.0, nodes.riskChange());
        assertTrue(recorded.get(0).outputsJson().contains("\"drivers\":[{\"feature\":\"" + largest.feature()));
    }

    @Test
    void comparesRotterdamTherapiesForASizeGivenInMillimetres() throws InvalidCaseException {
        TreatmentComparison comparison = recommendations.compareTreatments(new CaseRequest("rotterdam-rfs-5y",
                "MRN-0042", rotterdamValues("35"), ""));
        assertEquals("none", comparison.referenceOption());
        assertEquals(List.of("none", "hormonal", "chemotherapy", "hormonal+chemotherapy"), comparison.options()
                .stream().map(OptionRisk::option).toList());
        assertEquals("35", comparison.inputs().stream().filter(input -> input.feature().equals("size")).findFirst()
                .orElseThrow().value());
        Driver size = comparison.drivers().stream().filter(driver -> driver.feature().equals("size")).findFirst()
                .orElseThrow();
        assertEquals("20-50", size.value());
        assertTrue(recorded.get(0).inputsJson().contains("\"size\":{\"imputed\":false,\"value\":35}"), recorded
                .get(0).inputsJson());
    }

    @Test
    void refusesARotterdamSizeOutsideItsRange() {
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> recommendations
                .compareTreatments(new CaseRequest("rotterdam-rfs-5y", "MRN-0042", rotterdamValues("0"), "")));
        assertEquals(List.of(new FieldError("size", Problem.BELOW_MINIMUM, "1", "size must be at least 1")), refused
                .errors());
        assertTrue(recorded.isEmpty());
    }

    private static Map<String, String> rotterdamValues(String sizeMm) {
        return new HashMap<>(Map.of("age", "58", "meno", "1", "size", sizeMm, "grade", "3", "nodes", "2", "pgr", "45",
                "er", "80"));
    }

    @Test
    void measuresTheBenefitAgainstTheChosenReference() throws InvalidCaseException {
        TreatmentComparison comparison = recommendations.compareTreatments(request("Lev"));
        Map<String, OptionRisk> byOption = new HashMap<>();
        comparison.options().forEach(option -> byOption.put(option.option(), option));
        assertEquals(0.0, byOption.get("Lev").absoluteBenefit());
        assertEquals(byOption.get("Lev").risk() - byOption.get("Lev+5FU").risk(), byOption.get("Lev+5FU")
                .absoluteBenefit(), 1e-15);
    }

    @Test
    void anInvalidCaseIsNeitherPseudonymisedNorRecorded() {
        Map<String, String> values = CaseValidatorTest.validValues();
        values.put("age", "-3");
        assertThrows(InvalidCaseException.class, () -> recommendations.compareTreatments(new CaseRequest(
                "colon-recurrence-5y", "MRN-0042", values, "Obs")));
        assertTrue(recorded.isEmpty());
        assertTrue(pseudonymised.isEmpty());
    }

    @Test
    void aFailingAuditWriteFailsTheCall() {
        recommendations.auditTrail = new AuditTrail() {
            @Override
            public AuditReceipt recordRecommendation(RecommendationEvent event) {
                throw new IllegalStateException("database unavailable");
            }
        };
        assertThrows(IllegalStateException.class, () -> recommendations.compareTreatments(request("Obs")));
    }

    private static CaseRequest request(String referenceOption) {
        Map<String, String> values = CaseValidatorTest.validValues();
        values.put("nodes", "");
        return new CaseRequest("colon-recurrence-5y", " MRN-0042 ", values, referenceOption);
    }
}
