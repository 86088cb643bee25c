package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.AnsweringModels;
import org.oncocds.prediction.control.MemoryVersionStore;
import org.oncocds.prediction.control.TrainedRegistry;

/** The lifecycle rules and their governance records, on versions kept in memory. */
class ModelVersionsTest {

    private static final String COLON_1 = "colon-recurrence-5y/1";

    private final List<GovernanceEvent> recorded = new ArrayList<>();
    private final ModelVersions versions = new ModelVersions();
    private MemoryVersionStore store;

    @BeforeEach
    void wire() {
        store = TrainedRegistry.store();
        versions.store = store;
        versions.registry = TrainedRegistry.create();
        versions.answering = AnsweringModels.over(store, versions.registry);
        versions.caller = () -> "kim";
        versions.governance = new GovernanceLog() {
            @Override
            public AuditReceipt record(GovernanceEvent event) {
                recorded.add(event);
                return new AuditReceipt(recorded.size(), java.time.Instant.now());
            }
        };
    }

    @Test
    void describesTheFirstVersionWithItsMetricsAndModelCard() {
        ModelVersionSummary colon = versions.byVersion(COLON_1).orElseThrow();
        assertEquals(LifecycleState.VALIDATED, colon.state());
        assertEquals("weka.classifiers.functions.Logistic", colon.algorithm());
        assertTrue(colon.options().contains("-R 1.0E-4"), colon.options());
        assertTrue(colon.sha256().matches("[0-9a-f]{64}"));
        assertTrue(colon.trainingDataSha256().matches("[0-9a-f]{64}"));
        assertEquals(888, colon.trainingRows());
        assertTrue(colon.cvAuc() >= 0.67, colon.cvAuc().toString());
        assertTrue(colon.card().performance().startsWith("Seeded stratified 10-fold cross-validation (seed 1) on 888"
                + " labelled patients: AUC 0.69"), colon.card().performance());
        assertTrue(colon.card().missingData().contains("nodes, differ"), colon.card().missingData());
        assertEquals(List.of(COLON_1), versions.ofTask("colon-recurrence-5y").stream().map(
                ModelVersionSummary::version).toList());
        assertEquals(888, versions.crossValidation(COLON_1).orElseThrow().predictions().size());
        assertTrue(versions.active("colon-recurrence-5y").isEmpty());
    }

    @Test
    void approvalNeedsAValidatedVersionAndRecordsTheBiasReport() throws LifecycleRefusedException {
        versions.approve(COLON_1, 7);
        ModelVersionSummary approved = versions.byVersion(COLON_1).orElseThrow();
        assertEquals(LifecycleState.APPROVED, approved.state());
        assertEquals(7L, approved.biasReportId());
        assertEquals("kim", approved.approvedBy());
        GovernanceEvent event = recorded.get(0);
        assertEquals(GovernanceAction.MODEL_STATE_CHANGED, event.action());
        assertEquals("model " + COLON_1, event.subject());
        assertEquals("VALIDATED", event.details().get("from"));
        assertEquals("APPROVED", event.details().get("to"));
        assertEquals("7", event.details().get("biasReportId"));

        LifecycleRefusedException again = assertThrows(LifecycleRefusedException.class, () -> versions.approve(
                COLON_1, 8));
        assertEquals("state", again.field());
        assertEquals(COLON_1 + ": only a VALIDATED version can be approved; it is APPROVED", again.reason());
        assertEquals(1, recorded.size());
    }

    @Test
    void approvalRefusesAMissingReportOrAnUnknownVersionNamingTheField() {
        assertEquals("biasReportId", assertThrows(LifecycleRefusedException.class, () -> versions.approve(COLON_1, 0))
                .field());
        LifecycleRefusedException unknown = assertThrows(LifecycleRefusedException.class, () -> versions.approve(
                "colon-recurrence-5y/9", 3));
        assertEquals("version", unknown.field());
        assertEquals("no model version colon-recurrence-5y/9", unknown.reason());
        assertEquals(LifecycleState.VALIDATED, versions.byVersion(COLON_1).orElseThrow().state());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void onlyAnApprovedVersionCanBeActivated() {
        LifecycleRefusedException refused = assertThrows(LifecycleRefusedException.class, () -> versions.activate(
                COLON_1));
        assertEquals("state", refused.field());
        assertEquals(COLON_1 + ": only an APPROVED version can be activated; it is VALIDATED", refused.reason());
        assertTrue(versions.active("colon-recurrence-5y").isEmpty());
    }

    @Test
    void activatingANewVersionRetiresTheTasksActiveOne() throws LifecycleRefusedException {
        versions.approve(COLON_1, 7);
        assertEquals(LifecycleState.ACTIVE, versions.activate(COLON_1).state());
        store.add(TrainedRegistry.validated(TrainedRegistry.firstVersion("colon-recurrence-5y").named(
                "colon-recurrence-5y/2"), 2));
        versions.approve("colon-recurrence-5y/2", 9);
        versions.activate("colon-recurrence-5y/2");
        assertEquals("colon-recurrence-5y/2", versions.active("colon-recurrence-5y").orElseThrow().version());
        assertEquals(LifecycleState.RETIRED, versions.byVersion(COLON_1).orElseThrow().state());
        GovernanceEvent retirement = recorded.get(recorded.size() - 2);
        assertEquals("model " + COLON_1, retirement.subject());
        assertEquals("RETIRED", retirement.details().get("to"));
        assertEquals("colon-recurrence-5y/2", retirement.details().get("replacedBy"));
        assertEquals(COLON_1, recorded.get(recorded.size() - 1).details().get("replaces"));
    }

    @Test
    void retiringTheActiveVersionLeavesTheTaskWithoutOneAndIsFinal() throws LifecycleRefusedException {
        versions.approve(COLON_1, 7);
        versions.activate(COLON_1);
        assertEquals(LifecycleState.RETIRED, versions.retire(COLON_1).state());
        assertTrue(versions.active("colon-recurrence-5y").isEmpty());
        assertNull(store.find(COLON_1).orElseThrow().getActiveTask());
        assertEquals("state", assertThrows(LifecycleRefusedException.class, () -> versions.retire(COLON_1)).field());
        assertEquals("state", assertThrows(LifecycleRefusedException.class, () -> versions.activate(COLON_1))
                .field());
    }

    @Test
    void theTransitionRulesAllowOnlyTheLifecycleOrder() {
        for (LifecycleState from : LifecycleState.values()) {
            for (LifecycleState to : LifecycleState.values()) {
                boolean allowed = Transitions.refusal(from, to).isEmpty();
                boolean expected = to == LifecycleState.RETIRED
                        ? from != LifecycleState.RETIRED
                        : to != LifecycleState.DRAFT && from.ordinal() == to.ordinal() - 1;
                assertEquals(expected, allowed, from + " -> " + to);
            }
        }
    }
}
