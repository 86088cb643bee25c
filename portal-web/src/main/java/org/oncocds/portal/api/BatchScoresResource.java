package org.oncocds.portal.api;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.BatchRequest;
import org.oncocds.prediction.boundary.BatchResult;
import org.oncocds.prediction.boundary.BatchScoring;
import org.oncocds.prediction.boundary.ExternalValidation;
import org.oncocds.prediction.boundary.InvalidBatchException;

/**
 * {@code POST /api/tasks/{taskId}/batch-scores} (clinicians, admins): a CSV cohort with the task's columns as the body
 * gives the same rows in order with a {@code risk} column, from the task's ACTIVE version or {@code ?modelVersion=};
 * with {@code time} and {@code event} columns also an external validation. {@code ?format=csv} answers the scored
 * file itself (text/csv), otherwise JSON with the risks, the validation and the scored file. Audited by the prediction
 * module as one BATCH_SCORING event (row count, the file's SHA-256).
 */
@RequestScoped
@Path("tasks/{taskId}/batch-scores")
public class BatchScoresResource {

    /** The largest cohort file read, in bytes (the prediction module takes at most 100,000 rows). */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(BatchScoresResource.class.getName());

    @Inject
    BatchScoring batchScoring;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response score(@PathParam("taskId") String taskId, @QueryParam("modelVersion") String modelVersion,
            @QueryParam("format") String format, @HeaderParam("Content-Length") String contentLength,
            InputStream csv, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.CLINICIAN, Roles.ADMIN);
        if (contentLength != null && contentLength.strip().matches("\\d+")
                && Long.parseLong(contentLength.strip()) > MAX_BYTES) {
            throw new ApiProblem(413, "body", "the cohort has " + contentLength.strip() + " bytes, at most " + MAX_BYTES
                    + " are accepted; nothing was scored");
        }
        BatchResult result;
        try {
            result = batchScoring.score(new BatchRequest(taskId, modelVersion, bytes(csv)));
        } catch (InvalidBatchException refused) {
            throw new ApiProblem(refused.errors().stream().anyMatch(error -> error.line() == 0 && "taskId".equals(
                    error.column())) ? 404 : 400, refused.errors().stream().map(error -> new ApiProblem.Problem(
                            error
                                    .line() == 0
                                            ? error.column()
                                            : "line " + error.line() + (error.column() == null
                                                    ? ""
                                                    : ", column " + error.column()),
                            error.message())).toList());
        } catch (EJBException failed) {
            if (failed.getCause() instanceof jakarta.ejb.EJBAccessException) {
                throw failed;
            }
            LOG.log(Level.SEVERE, "batch scoring of task " + taskId + " failed; nothing was answered", failed);
            throw new ApiProblem(500, "audit", "the batch could not be scored and recorded; nothing was answered");
        }
        if ("csv".equals(format)) {
            return Response.ok(result.csv(), "text/csv;charset=UTF-8").header("Cache-Control", "no-store").header(
                    "X-OncoCDS-Model-Version", result.modelVersion()).header("X-OncoCDS-Audit-Record",
                            result
                                    .auditRecordId())
                    .build();
        }
        return Response.ok(json(result), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header(
                "Cache-Control", "no-store").build();
    }

    static String json(BatchResult result) {
        JsonArrayBuilder risks = PortalJson.array();
        result.risks().forEach(risks::add);
        JsonObjectBuilder json = PortalJson.object().add("taskId", result.taskId()).add("modelVersion", result
                .modelVersion()).add("modelSha256", result.modelSha256()).add("fileSha256", result.fileSha256()).add(
                        "rows", result.rows())
                .add("auditRecordId", result.auditRecordId()).add("risks", risks);
        ExternalValidation validation = result.validation();
        if (validation != null) {
            JsonObjectBuilder report = PortalJson.object().add("rows", validation.rows()).add("labelledRows",
                    validation.labelledRows()).add("events", validation.events()).add("censoredBeforeHorizon",
                            validation.censoredBeforeHorizon())
                    .add("comparablePairs", validation.comparablePairs());
            number(report, "auc", validation.auc());
            number(report, "harrellC", validation.harrellC());
            number(report, "calibrationInTheLarge", validation.calibrationInTheLarge());
            number(report, "calibrationSlope", validation.calibrationSlope());
            number(report, "observedRate", validation.observedRate());
            number(report, "meanPredictedRisk", validation.meanPredictedRisk());
            json.add("validation", report);
        }
        return json.add("csv", result.csv()).build().toString();
    }

    private static void number(JsonObjectBuilder json, String key, double value) {
        if (Double.isFinite(value)) {
            json.add(key, value);
        }
    }

    private static byte[] bytes(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream limited = Bodies.limited(body, MAX_BYTES)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            limited.transferTo(out);
            return out.toByteArray();
        } catch (Bodies.TooLarge e) {
            throw new ApiProblem(413, "body", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
