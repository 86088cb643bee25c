package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.ModelArtifacts;
import org.oncocds.prediction.control.TrainedModel;
import org.oncocds.prediction.control.TrainedRegistry;

/** Batch scoring: rows in order with their risk, validated whole, one governance record, external validation. */
class BatchScoringTest {

    private static final String HEADER = "id,sex,age,obstruct,perfor,adhere,nodes,differ,extent,surg,rx";

    private final List<GovernanceEvent> recorded = new ArrayList<>();
    private final BatchScoring batch = new BatchScoring();

    @BeforeEach
    void wire() {
        batch.registry = TrainedRegistry.create();
        batch.store = TrainedRegistry.activeStore();
        batch.governance = new GovernanceLog() {
            @Override
            public AuditReceipt record(GovernanceEvent event) {
                recorded.add(event);
                return new AuditReceipt(12, Instant.now());
            }
        };
    }

    @Test
    void returnsEveryRowInOrderWithItsRiskAndRecordsOneEvent() throws InvalidBatchException {
        String csv = HEADER + "\n" + "p1,1,63,0,0,0,,2,3,0,Obs\n" + "\"p,2\",0,45,1,0,0,12,3,4,1,Lev+5FU\n";
        BatchResult result = batch.score(request(csv, null));
        assertEquals("colon-recurrence-5y/1", result.modelVersion());
        assertEquals(2, result.rows());
        TrainedModel model = batch.registry.model(batch.store.find("colon-recurrence-5y/1").orElseThrow());
        CaseValues first = new CaseValues(Map.of("age", 63.0), Map.of("sex", "1", "obstruct", "0", "perfor", "0",
                "adhere", "0", "differ", "2", "extent", "3", "surg", "0"));
        assertEquals(model.risksByOption(first.completedWith(model.imputation())).get("Obs"), result.risks().get(0));
        String[] lines = result.csv().split("\r\n");
        assertEquals(HEADER + ",risk", lines[0]);
        assertTrue(lines[1].startsWith("p1,1,63,0,0,0,,2,3,0,Obs,0."), lines[1]);
        assertTrue(lines[2].startsWith("\"p,2\",0,45,"), lines[2]);
        assertNull(result.validation());
        assertEquals(1, recorded.size());
        GovernanceEvent event = recorded.get(0);
        assertEquals(GovernanceAction.BATCH_SCORING, event.action());
        assertEquals("2", event.details().get("rows"));
        assertEquals(ModelArtifacts.sha256(csv.getBytes(StandardCharsets.UTF_8)), event.details().get("fileSha256"));
        assertEquals(result.fileSha256(), event.details().get("fileSha256"));
        assertEquals(12, result.auditRecordId());
    }

    @Test
    void refusesTheWholeFileNamingLineAndColumnAndRecordsNothing() {
        String csv = HEADER + ",time\n" + "p1,1,17,0,0,0,,2,3,0,Obs,100\n" + "p2,1,60,0,0,0,3,2,9,0,Chemo,-4\n"
                + "p3,1,60,0\n";
        InvalidBatchException refused = assertThrows(InvalidBatchException.class, () -> batch.score(request(csv,
                null)));
        List<String> where = refused.errors().stream().map(e -> e.line() + ":" + e.column()).toList();
        assertEquals(List.of("4:file", "1:event"), where, refused.errors().toString());
        assertTrue(recorded.isEmpty());

        String rows = HEADER + "\n" + "p1,1,17,0,0,0,,2,3,0,Obs\n" + "p2,1,60,0,0,0,3,2,9,0,Chemo\n";
        InvalidBatchException badRows = assertThrows(InvalidBatchException.class, () -> batch.score(request(rows,
                null)));
        assertEquals(List.of(new BatchError(2, "age", Problem.BELOW_MINIMUM, "line 2: age must be at least 18"),
                new BatchError(3, "extent", Problem.UNKNOWN_CATEGORY, "line 3: extent must be one of 1, 2, 3, 4"),
                new BatchError(3, "rx", Problem.UNKNOWN_CATEGORY, "line 3: rx must be one of Obs, Lev, Lev+5FU")),
                badRows.errors());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void refusesAMissingColumnAnUnknownVersionAndAnEmptyFile() {
        InvalidBatchException missing = assertThrows(InvalidBatchException.class, () -> batch.score(request(
                "sex,age\n1,60\n", null)));
        assertTrue(missing.errors().contains(new BatchError(1, "obstruct", Problem.REQUIRED,
                "column obstruct is missing")), missing.errors().toString());
        assertEquals("modelVersion", assertThrows(InvalidBatchException.class, () -> batch.score(request(HEADER
                + "\n", "colon-recurrence-5y/8"))).errors().get(0).column());
        batch.store = TrainedRegistry.store();
        BatchError noActive = assertThrows(InvalidBatchException.class, () -> batch.score(request(HEADER + "\n",
                null))).errors().get(0);
        assertEquals("modelVersion", noActive.column());
        assertEquals("task colon-recurrence-5y has no ACTIVE model version; name a version to score with", noActive
                .message());
        assertEquals("file", assertThrows(InvalidBatchException.class, () -> batch.score(new BatchRequest(
                "colon-recurrence-5y", null, new byte[0]))).errors().get(0).column());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void withFollowUpItValidatesExternallyOnTheTasksLabelRules() throws InvalidBatchException {
        // Four patients: an early recurrence with a high risk profile, one censored before 5 years, two followed
        // beyond 5 years with low risk profiles.
        String csv = HEADER + ",time,event\n"
                + "a,1,70,1,1,1,20,3,4,1,Obs,300,1\n"
                + "b,0,50,0,0,0,1,2,2,0,Lev+5FU,2500,0\n"
                + "c,1,60,0,0,0,4,2,3,0,Obs,900,0\n"
                + "d,0,40,0,0,0,0,1,1,0,Lev+5FU,3000,0\n";
        BatchResult result = batch.score(request(csv, "colon-recurrence-5y/1"));
        ExternalValidation validation = result.validation();
        assertEquals(4, validation.rows());
        assertEquals(3, validation.labelledRows());
        assertEquals(1, validation.events());
        assertEquals(1, validation.censoredBeforeHorizon());
        assertEquals(1.0, validation.auc());
        assertTrue(validation.harrellC() > 0.5, validation.toString());
        assertEquals(3, validation.comparablePairs());
        assertEquals("true", recorded.get(0).details().get("externalValidation"));
    }

    private static BatchRequest request(String csv, String version) {
        return new BatchRequest("colon-recurrence-5y", version, csv.getBytes(StandardCharsets.UTF_8));
    }
}
