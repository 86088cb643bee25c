package org.oncocds.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.boundary.BatchError;
import org.oncocds.prediction.boundary.BatchRequest;
import org.oncocds.prediction.boundary.BatchResult;
import org.oncocds.prediction.boundary.BatchScoring;
import org.oncocds.prediction.boundary.ExternalValidation;
import org.oncocds.prediction.boundary.InvalidBatchException;
import org.oncocds.prediction.boundary.Problem;

/** Batch scoring over the API: the scored rows, the validation, refusals by line and column. */
class BatchScoresResourceTest {

    private BatchRequest received;

    @Test
    void aCohortComesBackScoredWithItsValidation() {
        Response response = resource().score("colon-recurrence-5y", null, null, null, body("age,rx\n63,Obs\n"),
                ApiCallers.as("admin", "admin"));

        String json = (String) response.getEntity();
        assertEquals(200, response.getStatus());
        assertTrue(json.contains("\"risks\":[0.42]"), json);
        assertTrue(json.contains("\"harrellC\":0.66"), json);
        assertTrue(json.contains("\"auditRecordId\":77"), json);
        assertEquals("age,rx\n63,Obs\n", new String(received.csv(), StandardCharsets.UTF_8));

        Response csv = resource().score("colon-recurrence-5y", "colon-recurrence-5y/1", "csv", null, body(
                "age,rx\n63,Obs\n"), ApiCallers.as("c", "clinician"));
        assertEquals("age,rx,risk\r\n63,Obs,0.42\r\n", csv.getEntity());
        assertEquals("colon-recurrence-5y/1", received.modelVersion());
    }

    @Test
    void refusalsNameLineAndColumnAndComplianceOfficersMayNotScore() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> resource().score("colon-recurrence-5y", null, null,
                null, body("age\nold\n"), ApiCallers.as("c", "clinician")));
        assertEquals(400, refused.status());
        assertEquals("line 2, column age", refused.problems().get(0).field());

        assertEquals(403, assertThrows(ApiProblem.class, () -> resource().score("colon-recurrence-5y", null, null,
                null, body(""), ApiCallers.as("c", "compliance-officer"))).status());
        assertEquals(413, assertThrows(ApiProblem.class, () -> resource().score("colon-recurrence-5y", null, null,
                String.valueOf(BatchScoresResource.MAX_BYTES + 1), body(""), ApiCallers.as("c", "clinician")))
                .status());
    }

    private BatchScoresResource resource() {
        BatchScoresResource resource = new BatchScoresResource();
        resource.batchScoring = new BatchScoring() {
            @Override
            public BatchResult score(BatchRequest request) throws InvalidBatchException {
                received = request;
                if (new String(request.csv(), StandardCharsets.UTF_8).contains("old")) {
                    throw new InvalidBatchException(List.of(new BatchError(2, "age", Problem.NOT_A_NUMBER,
                            "line 2: age must be a number")));
                }
                String version = request.modelVersion() == null ? "colon-recurrence-5y/2" : request.modelVersion();
                return new BatchResult(request.taskId(), version, "a".repeat(64), "b".repeat(64), 1, List.of(0.42),
                        "age,rx,risk\r\n63,Obs,0.42\r\n", new ExternalValidation(1, 1, 1, 0, 0.7, 0.66, 0, 0.1, 0.9,
                                0.4, 0.42),
                        77);
            }
        };
        return resource;
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
