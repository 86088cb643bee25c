package org.oncocds.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.BiasReports;
import org.oncocds.fairness.boundary.CsvColumns;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.ReviewStatus;
import org.oncocds.fairness.boundary.SignOffRefusedException;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.portal.fairness.UploadSettings;

/** {@code /api/bias-reports}: a report over an uploaded CSV (the real metrics engine), refusals naming the problem. */
class BiasReportsResourceTest {

    private final List<String> decisions = new ArrayList<>();

    @Test
    void aCsvUploadGivesTheReportAsJson() {
        Response response = resource().report(csv(table(40, 40)), null, query(Map.of("label", "y", "score", "p",
                "attributes", "sex", "bootstrapReplicates", "0")), ApiCallers.as("compliance",
                        "compliance-officer"));

        assertEquals(200, response.getStatus());
        String json = (String) response.getEntity();
        assertTrue(json.contains("\"rows\":80"), json);
        assertTrue(json.contains("\"grouping\":\"sex\""), json);
        assertTrue(json.contains("\"group\":\"F\",\"n\":40,\"sufficientData\":true"), json);
        assertTrue(json.contains("\"metric\":\"DEMOGRAPHIC_PARITY_DIFFERENCE\""), json);
    }

    @Test
    void malformedUploadsAreRefusedNamingTheProblem() {
        ApiProblem missingColumn = refused(Map.of("label", "outcome", "score", "p", "attributes", "sex"), table(40,
                40));
        assertEquals("outcome", missingColumn.problems().get(0).field());
        assertTrue(missingColumn.problems().get(0).message().contains("outcome"), missingColumn.getMessage());

        ApiProblem badScore = refused(Map.of("label", "y", "score", "p", "attributes", "sex"), "y,p,sex\n1,1.7,F\n");
        assertEquals(400, badScore.status());
        assertTrue(badScore.getMessage().contains("p"), badScore.getMessage());

        ApiProblem noColumns = refused(Map.of("attributes", "sex"), table(1, 1));
        assertEquals("label", noColumns.problems().get(0).field());
        ApiProblem noAttributes = refused(Map.of("label", "y", "score", "p"), table(1, 1));
        assertEquals("attributes", noAttributes.problems().get(0).field());
        ApiProblem badThreshold = refused(Map.of("label", "y", "score", "p", "attributes", "sex", "threshold",
                "high"), table(1, 1));
        assertEquals("threshold", badThreshold.problems().get(0).field());
    }

    @Test
    void anUploadOverTheLimitIs413() {
        ApiProblem declared = assertThrows(ApiProblem.class, () -> resource().report(csv("y"), String.valueOf(
                100L * 1024 * 1024), query(Map.of("label", "y", "score", "p", "attributes", "sex")),
                ApiCallers.as(
                        "c", "compliance-officer")));
        assertEquals(413, declared.status());
        assertTrue(declared.getMessage().contains(String.valueOf(UploadSettings.MAX_UPLOAD_BYTES)));
    }

    @Test
    void cliniciansMayNotUploadAndOnlyComplianceOfficersDecide() {
        assertEquals(403, assertThrows(ApiProblem.class, () -> resource().report(csv(table(1, 1)), null, query(Map.of(
                "label", "y", "score", "p", "attributes", "sex")), ApiCallers.as("c", "clinician"))).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> resource().approval("7", csv(
                "{\"decision\":\"APPROVED\",\"comment\":\"ok\"}"), ApiCallers.as("a", "admin"))).status());
    }

    @Test
    void anApprovalRecordsTheDecisionAndARefusalNamesTheField() {
        Response response = resource().approval("7", csv("{\"decision\":\"APPROVED\",\"comment\":\"reviewed\"}"),
                ApiCallers.as("compliance", "compliance-officer"));

        assertEquals(200, response.getStatus());
        assertEquals(List.of("APPROVED 7 reviewed"), decisions);
        assertTrue(((String) response.getEntity()).contains("\"status\":\"APPROVED\""));

        ApiProblem noComment = assertThrows(ApiProblem.class, () -> resource().approval("7", csv(
                "{\"decision\":\"REJECTED\"}"), ApiCallers.as("compliance", "compliance-officer")));
        assertEquals(400, noComment.status());
        assertEquals("comment", noComment.problems().get(0).field());
        ApiProblem badDecision = assertThrows(ApiProblem.class, () -> resource().approval("7", csv(
                "{\"decision\":\"maybe\",\"comment\":\"x\"}"), ApiCallers.as("compliance", "compliance-officer")));
        assertEquals("decision", badDecision.problems().get(0).field());
        ApiProblem unknown = assertThrows(ApiProblem.class, () -> resource().approval("x", csv("{}"), ApiCallers.as(
                "compliance", "compliance-officer")));
        assertEquals(404, unknown.status());
    }

    private ApiProblem refused(Map<String, String> parameters, String table) {
        return assertThrows(ApiProblem.class, () -> resource().report(csv(table), null, query(parameters),
                ApiCallers.as("compliance", "compliance-officer")));
    }

    private BiasReportsResource resource() {
        BiasReportsResource resource = new BiasReportsResource();
        resource.biasReports = new BiasReports();
        resource.modelBiasReports = new ModelBiasReports() {
            @Override
            public StoredBiasReport storeCsvReport(String modelVersion, BiasReportRequest request, CsvColumns columns,
                    Reader csv) {
                throw new AssertionError("nothing is stored without a model version");
            }
        };
        resource.signOff = new FairnessSignOff() {
            @Override
            public FairnessStatus approve(long reportId, String comment) {
                return decide("APPROVED", reportId, comment);
            }

            @Override
            public FairnessStatus reject(long reportId, String comment) {
                return decide("REJECTED", reportId, comment);
            }

            private FairnessStatus decide(String decision, long reportId, String comment) {
                if (comment == null || comment.isBlank()) {
                    throw new SignOffRefusedException("comment", "a written comment is required");
                }
                decisions.add(decision + " " + reportId + " " + comment);
                return new FairnessStatus("vendor/1", ReviewStatus.valueOf(decision), reportId, 1, "compliance",
                        Instant.parse("2026-11-25T06:00:00Z"), comment);
            }
        };
        return resource;
    }

    /** Women and men, half of each with the event; scores follow the label. */
    static String table(int women, int men) {
        StringBuilder csv = new StringBuilder("y,p,sex\n");
        for (int i = 0; i < women + men; i++) {
            int label = i % 2;
            csv.append(label).append(',').append(label == 1 ? "0.8" : "0.2").append(',').append(i < women ? "F" : "M")
                    .append('\n');
        }
        return csv.toString();
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static UriInfo query(Map<String, String> parameters) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        parameters.forEach(query::add);
        return (UriInfo) Proxy.newProxyInstance(BiasReportsResourceTest.class.getClassLoader(), new Class<?>[]{
                UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getQueryParameters")) {
                        return query;
                    }
                    throw new AssertionError("unexpected " + method);
                });
    }
}
