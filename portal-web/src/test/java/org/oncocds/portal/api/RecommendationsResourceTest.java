package org.oncocds.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.Driver;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InputValue;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.NoActiveModelException;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.Problem;
import org.oncocds.prediction.boundary.Recommendations;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** {@code POST /api/tasks/{taskId}/recommendations}: the same validation and audit as the case form, in JSON. */
class RecommendationsResourceTest {

    private static final String CASE = "{\"mrn\":\"MRN-77\",\"referenceOption\":\"Obs\",\"values\":{\"age\":63,"
            + "\"sex\":\"1\",\"nodes\":\"\"}}";

    private CaseRequest received;
    private RuntimeException failure;
    private InvalidCaseException refusal;

    @Test
    void aClinicianGetsTheAuditedComparisonWithoutTheMrn() {
        Response response = resource().recommend(ColonTask.ID, body(CASE), ApiCallers.as("clinician",
                "clinician"));

        assertEquals(200, response.getStatus());
        String json = (String) response.getEntity();
        assertTrue(json.contains("\"auditRecordId\":42"), json);
        assertTrue(json.contains("\"version\":\"colon-recurrence-5y/1\",\"sha256\":\"ab12\""), json);
        assertTrue(json.contains("\"riskInterval\":{\"lower\":0.4,\"upper\":0.6}"), json);
        assertTrue(json.contains("\"patientPseudonym\":\"pseudo\""), json);
        assertFalse(json.contains("MRN-77"), "the MRN is never answered back");
        assertEquals("MRN-77", received.mrn());
        assertEquals("63", received.values().get("age"), "numbers reach the module as typed");
        assertEquals("", received.values().get("extent"), "an input not sent is missing, to be imputed");
    }

    @Test
    void refusedInputsAre400sNamingEachField() {
        refusal = new InvalidCaseException(List.of(new FieldError("age", Problem.ABOVE_MAXIMUM, "100",
                "age must be at most 100"), new FieldError("mrn", Problem.REQUIRED, "", "mrn is required")));

        ApiProblem problem = assertThrows(ApiProblem.class, () -> resource().recommend(ColonTask.ID, body(CASE),
                ApiCallers.as("clinician", "clinician")));

        assertEquals(400, problem.status());
        assertEquals(List.of(new ApiProblem.Problem("values.age", "age must be at most 100"), new ApiProblem.Problem(
                "mrn", "mrn is required")), problem.problems());
    }

    @Test
    void unknownFieldsAndMalformedJsonAreRefusedBeforeAnythingIsPredicted() {
        ApiProblem unknown = assertThrows(ApiProblem.class, () -> resource().recommend(ColonTask.ID, body(
                "{\"mrn\":\"1\",\"values\":{\"weight\":80,\"age\":true}}"), ApiCallers.as("c", "clinician")));
        assertEquals(400, unknown.status());
        assertEquals(List.of("values.weight", "values.age"), unknown.problems().stream().map(ApiProblem.Problem::field)
                .toList());

        ApiProblem malformed = assertThrows(ApiProblem.class,
                () -> resource().recommend(ColonTask.ID, body("{\"mrn\":"),
                        ApiCallers.as("c", "clinician")));
        assertEquals("body", malformed.problems().get(0).field());
        assertNull(received, "nothing reached the prediction module");
    }

    @Test
    void aTaskWithoutAnActiveModelIs409NamingTheTask() {
        failure = new NoActiveModelException(ColonTask.ID);

        ApiProblem problem = assertThrows(ApiProblem.class, () -> resource().recommend(ColonTask.ID, body(CASE),
                ApiCallers.as("clinician", "clinician")));

        assertEquals(409, problem.status());
        assertEquals("taskId", problem.problems().get(0).field());
        assertTrue(problem.problems().get(0).message().contains("no ACTIVE model version"), problem.problems()
                .toString());
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"mrn\":\"" + "1".repeat(RecommendationsResource.MAX_BODY_BYTES) + "\"}";
        ApiProblem problem = assertThrows(ApiProblem.class, () -> resource().recommend(ColonTask.ID, body(big),
                ApiCallers.as("c", "clinician")));
        assertEquals(413, problem.status());
    }

    @Test
    void onlyCliniciansAndOnlyKnownTasks() {
        ApiProblem forbidden = assertThrows(ApiProblem.class, () -> resource().recommend(ColonTask.ID, body(CASE),
                ApiCallers.as("compliance", "compliance-officer")));
        assertEquals(403, forbidden.status());
        ApiProblem unknown = assertThrows(ApiProblem.class, () -> resource().recommend("nope", body(CASE), ApiCallers
                .as("c", "clinician")));
        assertEquals(404, unknown.status());
        assertEquals("taskId", unknown.problems().get(0).field());
    }

    @Test
    void aFailedAuditWriteAnswersNoPrediction() {
        failure = new EJBException("audit write failed");
        ApiProblem problem = assertThrows(ApiProblem.class, () -> resource().recommend(ColonTask.ID, body(CASE),
                ApiCallers.as("c", "clinician")));
        assertEquals(500, problem.status());
        assertEquals("audit", problem.problems().get(0).field());
    }

    @Test
    void problemsAreAnsweredAsJson() {
        Response response = new ApiExceptions().toResponse(new ApiProblem(400, "values.age", "age must be at most "
                + "100"));
        assertEquals(400, response.getStatus());
        assertEquals("{\"status\":400,\"error\":\"Bad Request\",\"problems\":[{\"field\":\"values.age\",\"message\":"
                + "\"age must be at most 100\"}]}", response.getEntity());
    }

    private RecommendationsResource resource() {
        RecommendationsResource resource = new RecommendationsResource();
        resource.tasks = new Tasks() {
            @Override
            public Optional<TaskDescription> byId(String taskId) {
                return ColonTask.ID.equals(taskId) ? Optional.of(ColonTask.TASK) : Optional.empty();
            }
        };
        resource.recommendations = new Recommendations() {
            @Override
            public TreatmentComparison compareTreatments(CaseRequest request) throws InvalidCaseException {
                received = request;
                if (refusal != null) {
                    throw refusal;
                }
                if (failure != null) {
                    throw failure;
                }
                return new TreatmentComparison(ColonTask.ID, ColonTask.TASK.activeModel(), "Obs", List.of(
                        new OptionRisk("Obs", 0.5, 0, 0.4, 0.6, 0, 0), new OptionRisk("Lev", 0.4, 0.1)), "pseudo", 42,
                        Instant.parse("2026-11-25T06:00:00Z"), List.of(new InputValue("age", "63", false)), List.of(
                                new Driver("age", "63", "60", 0.01)));
            }
        };
        return resource;
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
