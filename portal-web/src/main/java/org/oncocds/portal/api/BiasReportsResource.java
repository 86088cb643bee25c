package org.oncocds.portal.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.oncocds.fairness.boundary.BiasReport;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.BiasReports;
import org.oncocds.fairness.boundary.CsvColumns;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.SignOffRefusedException;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.fairness.UploadSettings;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.Roles;

/**
 * Bias reports over any model's predictions (compliance officers and admins): {@code POST /api/bias-reports} with a
 * CSV table as the body and the column names as query parameters answers the report as JSON; with
 * {@code modelVersion} it is also stored for sign-off (201 and its location). {@code GET /api/bias-reports/{id}} reads
 * a stored report; {@code POST /api/bias-reports/{id}/approval} records a compliance officer's decision on it.
 */
@RequestScoped
@Path("bias-reports")
public class BiasReportsResource {

    @Inject
    BiasReports biasReports;

    @Inject
    ModelBiasReports modelBiasReports;

    @Inject
    FairnessSignOff signOff;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(InputStream csv, @HeaderParam("Content-Length") String contentLength,
            @Context UriInfo uri, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        UploadSettings settings = UploadSettings.read(name -> parameters.get(name) == null
                ? java.util.List.of()
                : parameters.get(name));
        if (!settings.problems().isEmpty()) {
            throw new ApiProblem(400, settings.problems().stream().map(problem -> new ApiProblem.Problem(problem
                    .field(), problem.message())).toList());
        }
        refuseDeclaredOversize(contentLength);
        Bodies.Limited limited = Bodies.limited(csv, UploadSettings.MAX_UPLOAD_BYTES);
        try (Reader reader = new InputStreamReader(limited, StandardCharsets.UTF_8)) {
            if (settings.modelVersion() == null) {
                BiasReport report = biasReports.reportFromCsv(settings.request(), settings.columns(), reader);
                return json(Response.ok(), ReportJson.of(report));
            }
            StoredBiasReport stored = modelBiasReports.storeCsvReport(settings.modelVersion(), settings.request(),
                    settings.columns(), reader);
            return json(Response.created(URI.create("bias-reports/" + stored.id())), ReportJson.of(stored));
        } catch (InvalidBiasInputException refused) {
            if (limited.exceeded()) {
                throw new ApiProblem(413, "body", "the upload is larger than " + UploadSettings.MAX_UPLOAD_BYTES
                        + " bytes; nothing was stored");
            }
            throw ApiProblem.badRequest(refused.field(), refused.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The stored reports of a model version, newest report version first, with the decision on each. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ofModelVersion(@QueryParam("modelVersion") String modelVersion, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        if (modelVersion == null || modelVersion.isBlank()) {
            throw ApiProblem.badRequest("modelVersion", "name the model version whose reports to list");
        }
        jakarta.json.JsonArrayBuilder all = PortalJson.array();
        modelBiasReports.storedFor(modelVersion).forEach(stored -> all.add(ReportJson.summary(stored, signOff
                .decisionOn(stored.id()))));
        return json(Response.ok(), all.build());
    }

    /**
     * Computes and stores the standard bias report of a registered model version from its out-of-fold
     * cross-validation predictions (201): the report a compliance officer approves before the version may be
     * activated.
     */
    @POST
    @Path("cross-validation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response crossValidation(@QueryParam("modelVersion") String modelVersion,
            @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        if (modelVersion == null || modelVersion.isBlank()) {
            throw ApiProblem.badRequest("modelVersion", "name the registered model version to report on");
        }
        StoredBiasReport stored;
        try {
            stored = modelBiasReports.storeModelVersionReport(modelVersion);
        } catch (InvalidBiasInputException refused) {
            throw new ApiProblem("modelVersion".equals(refused.field()) ? 404 : 400, refused.field(), refused
                    .getMessage());
        }
        return json(Response.created(URI.create("bias-reports/" + stored.id())), ReportJson.of(stored));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response stored(@PathParam("id") String id, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        StoredBiasReport report = modelBiasReports.stored(reportId(id)).orElseThrow(() -> new ApiProblem(404, "id",
                "there is no stored bias report " + id));
        return json(Response.ok(), ReportJson.of(report));
    }

    /**
     * A compliance officer's decision on a stored report: {@code {"decision": "APPROVED" | "REJECTED", "comment":
     * "..."}}. Approving a registered model version's report approves the version (the fairness module does both in
     * one transaction, with the governance record).
     */
    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response approval(@PathParam("id") String id, InputStream body, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.COMPLIANCE_OFFICER);
        long reportId = reportId(id);
        JsonObject json = Bodies.jsonObject(body, RecommendationsResource.MAX_BODY_BYTES);
        String decision = string(json, "decision");
        String comment = string(json, "comment");
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            throw ApiProblem.badRequest("decision", "decision must be APPROVED or REJECTED");
        }
        FairnessStatus status;
        try {
            status = "APPROVED".equals(decision)
                    ? signOff.approve(reportId, comment)
                    : signOff.reject(reportId,
                            comment);
        } catch (SignOffRefusedException refused) {
            throw new ApiProblem(refused.field().equals("reportId") ? 409 : 400, refused.field(), refused
                    .getMessage());
        }
        return json(Response.ok(), ReportJson.of(status));
    }

    static long reportId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiProblem(404, "id", "there is no stored bias report " + id);
        }
    }

    private static void refuseDeclaredOversize(String contentLength) {
        try {
            if (contentLength != null && Long.parseLong(contentLength.strip()) > UploadSettings.MAX_UPLOAD_BYTES) {
                throw new ApiProblem(413, "body", "the upload has " + contentLength.strip()
                        + " bytes, at most " + UploadSettings.MAX_UPLOAD_BYTES + " are accepted; nothing was stored");
            }
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Content-Length", "Content-Length is not a number");
        }
    }

    private static String string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw ApiProblem.badRequest(field, field + " must be a string");
    }

    private static Response json(Response.ResponseBuilder response, jakarta.json.JsonStructure body) {
        return response.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("Cache-Control",
                "no-store").entity(body.toString()).build();
    }
}
