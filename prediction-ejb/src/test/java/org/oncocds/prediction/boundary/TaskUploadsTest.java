package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.prediction.control.MemoryTaskStore;
import org.oncocds.prediction.control.ModelArtifacts;
import org.oncocds.prediction.control.ModelRegistry;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.TrainedModel;
import org.oncocds.prediction.control.UploadFiles;

/** Adding a task from an uploaded file, on a store in memory: stored and recorded whole, or refused whole. */
class TaskUploadsTest {

    private final List<GovernanceEvent> recorded = new ArrayList<>();
    private final TaskUploads uploads = new TaskUploads();
    private MemoryTaskStore store;
    private ModelRegistry registry;

    @BeforeEach
    void wire() {
        store = new MemoryTaskStore();
        registry = MemoryTaskStore.registry(store);
        uploads.store = store;
        uploads.registry = registry;
        uploads.caller = () -> "ada";
        uploads.governance = new GovernanceLog() {
            @Override
            public AuditReceipt record(GovernanceEvent event) {
                recorded.add(event);
                return new AuditReceipt(recorded.size(), java.time.Instant.now());
            }
        };
    }

    @Test
    void storesTheTaskWithItsDatasetAndRecordsTaskAdded() throws InvalidTaskUploadException {
        byte[] csv = UploadFiles.colonCsv();
        TaskDescription added = uploads.add(new TaskUpload("colon.csv", csv, UploadFiles.colonDeathDefinition()));
        assertEquals("colon-death-2y", added.id());
        assertTrue(added.uploaded());
        assertNull(added.activeModel());
        assertEquals(List.of("sex", "age", "rx"), added.subgroupAttributes());
        assertEquals(730.5, added.horizonDays());

        var stored = store.find("colon-death-2y").orElseThrow();
        assertEquals(ModelArtifacts.sha256(csv), stored.getDatasetSha256());
        assertEquals("ada", stored.getAddedBy());
        assertTrue(stored.getDefinitionJson().startsWith("{\"dataset\":"), stored.getDefinitionJson());

        assertEquals(1, recorded.size());
        GovernanceEvent event = recorded.get(0);
        assertEquals(GovernanceAction.TASK_ADDED, event.action());
        assertEquals("task colon-death-2y", event.subject());
        Map<String, String> details = event.details();
        assertEquals("colon-death-2y", details.get("taskId"));
        assertEquals("colon.csv", details.get("fileName"));
        assertEquals(ModelArtifacts.sha256(csv), details.get("datasetSha256"));
        assertEquals("1858", details.get("rows"));
        assertEquals("929", details.get("selectedRows"));
        assertEquals(String.valueOf(stored.getLabelledRows()), details.get("labelledRows"));

        List<String> ids = registry.tasks().stream().map(TaskDefinition::id).toList();
        assertEquals(List.of("colon-recurrence-5y", "rotterdam-rfs-5y", "colon-death-2y"), ids);
        assertTrue(registry.task("colon-death-2y").orElseThrow().uploaded());
    }

    @Test
    void anUploadedTaskTrainsOnItsStoredData() throws InvalidTaskUploadException {
        uploads.add(new TaskUpload("colon.arff", UploadFiles.colonArff(), UploadFiles.colonDeathDefinition()));
        TrainedModel model = registry.train("colon-death-2y", Runnable::run, fold -> {
        });
        assertEquals(store.find("colon-death-2y").orElseThrow().getLabelledRows(), model.trainingRows());
        assertEquals(model.trainingRows(), model.crossValidation().predictions().size());
        assertTrue(model.crossValidation().auc() > 0.5, String.valueOf(model.crossValidation().auc()));
        assertEquals(3, model.risksByOption(model.referenceValues().completedWith(model.imputation())).size());
    }

    @Test
    void csvAndArffOfTheSameRowsGiveTheSameCohort() throws InvalidTaskUploadException {
        uploads.add(new TaskUpload("colon.csv", UploadFiles.colonCsv(), UploadFiles.colonDeathDefinition()));
        String arffTask = UploadFiles.colonDeathDefinition().replace("colon-death-2y", "colon-death-2y-arff");
        uploads.add(new TaskUpload("colon.arff", UploadFiles.colonArff(), arffTask));
        assertEquals(recorded.get(0).details().get("labelledRows"), recorded.get(1).details().get("labelledRows"));
        assertEquals(recorded.get(0).details().get("events"), recorded.get(1).details().get("events"));
    }

    @Test
    void aMalformedUploadIsRefusedWholeAndNothingIsStoredOrRecorded() {
        String csv = new String(UploadFiles.colonCsv(), StandardCharsets.UTF_8).replaceFirst("\n1,1,\"Lev\\+5FU\",1,43",
                "\n1,1,\"Lev+5FU\",1,430");
        InvalidTaskUploadException refused = assertThrows(InvalidTaskUploadException.class, () -> uploads.add(
                new TaskUpload("colon.csv", csv.getBytes(StandardCharsets.UTF_8), UploadFiles
                        .colonDeathDefinition())));
        assertEquals(List.of(new UploadProblem("dataset", 2, "age", "line 2, column age: 430 is above the maximum "
                + "100")), refused.problems());
        assertEquals(0, store.size());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void refusesATakenIdABadFileNameAndAnOversizedFileTogether() throws InvalidTaskUploadException {
        String shippedId = UploadFiles.colonDeathDefinition().replace("colon-death-2y", "colon-recurrence-5y");
        InvalidTaskUploadException refused = assertThrows(InvalidTaskUploadException.class, () -> uploads.add(
                new TaskUpload("colon.xlsx", UploadFiles.colonCsv(), shippedId)));
        assertEquals(List.of("fileName: colon.xlsx must end in .csv or .arff",
                "definition.id: a task colon-recurrence-5y already exists"),
                refused.problems().stream().map(
                        UploadProblem::message).toList());
        byte[] tooLarge = new byte[TaskUploads.MAX_DATASET_BYTES + 1];
        refused = assertThrows(InvalidTaskUploadException.class, () -> uploads.add(new TaskUpload("big.csv",
                tooLarge, UploadFiles.colonDeathDefinition())));
        assertEquals("dataset", refused.problems().get(0).field());
        uploads.add(new TaskUpload("colon.csv", UploadFiles.colonCsv(), UploadFiles.colonDeathDefinition()));
        refused = assertThrows(InvalidTaskUploadException.class, () -> uploads.add(new TaskUpload("colon.csv",
                UploadFiles.colonCsv(), UploadFiles.colonDeathDefinition())));
        assertEquals("definition.id: a task colon-death-2y already exists", refused.problems().get(0).message());
        assertEquals(1, store.size());
        assertEquals(1, recorded.size());
    }

    @Test
    void refusesAMissingUpload() {
        InvalidTaskUploadException refused = assertThrows(InvalidTaskUploadException.class, () -> uploads.add(null));
        assertFalse(refused.problems().isEmpty());
        refused = assertThrows(InvalidTaskUploadException.class, () -> uploads.add(new TaskUpload(null, null, null)));
        assertEquals(List.of("fileName", "dataset", "definition"), refused.problems().stream().map(
                UploadProblem::field).toList());
    }
}
