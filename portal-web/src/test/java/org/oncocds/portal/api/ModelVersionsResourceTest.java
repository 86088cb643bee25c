package org.oncocds.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelCard;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/** Model versions over the API: anyone signed in reads them, only an administrator activates or retires. */
class ModelVersionsResourceTest {

    private static final String VERSION = "colon-recurrence-5y/2";
    private final List<String> activated = new ArrayList<>();
    private LifecycleState state = LifecycleState.APPROVED;

    @Test
    void anAdministratorActivatesAnApprovedVersion() {
        Response response = resource().activate(VERSION, ApiCallers.as("admin", "admin"));

        assertEquals(200, response.getStatus());
        assertEquals(List.of(VERSION), activated);
        String json = (String) response.getEntity();
        assertTrue(json.contains("\"state\":\"ACTIVE\""), json);
        assertTrue(json.contains("\"card\":{\"dataSource\":\"colon trial\""), json);
    }

    @Test
    void aRefusedTransitionIs409NamingTheFieldAndOthersMayNotActivate() {
        state = LifecycleState.VALIDATED;
        ApiProblem refused = assertThrows(ApiProblem.class, () -> resource().activate(VERSION, ApiCallers.as("admin",
                "admin")));
        assertEquals(409, refused.status());
        assertEquals("state", refused.problems().get(0).field());

        assertEquals(403, assertThrows(ApiProblem.class, () -> resource().activate(VERSION, ApiCallers.as(
                "compliance", "compliance-officer"))).status());
        assertEquals(404, assertThrows(ApiProblem.class, () -> resource().activate("nope/1", ApiCallers.as("admin",
                "admin"))).status());
        assertEquals(List.of(), activated);
    }

    @Test
    void everyRoleListsTheVersionsOfATask() {
        Response response = resource().ofTask(ColonTask.ID, ApiCallers.as("clinician", "clinician"));

        assertTrue(((String) response.getEntity()).startsWith("[{\"version\":\"colon-recurrence-5y/2\""));
        assertEquals(404, assertThrows(ApiProblem.class, () -> resource().ofTask("nope", ApiCallers.as("c",
                "clinician"))).status());
    }

    @Test
    void everyRoleReadsATaskByItsId() {
        Response response = resource().task(ColonTask.ID, ApiCallers.as("compliance", "compliance-officer"));

        String json = (String) response.getEntity();
        assertTrue(json.startsWith("{\"id\":\"colon-recurrence-5y\""), json);
        assertTrue(json.contains("\"activeModelVersion\":\"colon-recurrence-5y/1\""), json);
        assertTrue(json.contains("\"uploaded\":false"), json);
        assertEquals(404, assertThrows(ApiProblem.class, () -> resource().task("nope", ApiCallers.as("c",
                "clinician"))).status());
    }

    private ModelVersionsResource resource() {
        ModelVersionsResource resource = new ModelVersionsResource();
        resource.tasks = new Tasks() {
            @Override
            public Optional<TaskDescription> byId(String taskId) {
                return ColonTask.ID.equals(taskId) ? Optional.of(ColonTask.TASK) : Optional.empty();
            }
        };
        resource.modelVersions = new ModelVersions() {
            @Override
            public List<ModelVersionSummary> ofTask(String taskId) {
                return List.of(summary(state));
            }

            @Override
            public Optional<ModelVersionSummary> byVersion(String version) {
                return VERSION.equals(version) ? Optional.of(summary(state)) : Optional.empty();
            }

            @Override
            public ModelVersionSummary activate(String version) throws LifecycleRefusedException {
                if (state != LifecycleState.APPROVED) {
                    throw new LifecycleRefusedException("state", "only an APPROVED version can be activated");
                }
                activated.add(version);
                return summary(LifecycleState.ACTIVE);
            }
        };
        return resource;
    }

    static ModelVersionSummary summary(LifecycleState state) {
        Instant at = Instant.parse("2026-11-25T06:00:00Z");
        return new ModelVersionSummary(VERSION, ColonTask.ID, "Logistic", "-R 1.0E-4", state, "a".repeat(64), "b"
                .repeat(64), "3.8.6", "admin", at, 0.68, 0.22, 0.64, 0.01, 0.97, 888, "c".repeat(64), 3L,
                "compliance", at, "admin", at, new ModelCard("colon trial", "recurrence within 5 years",
                        "censored before 5 years", "sex, age, ...", "mean/mode imputation", "AUC 0.68",
                        "adjuvant therapy decisions", "trial population only"));
    }
}
