package org.oncocds.portal.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.ModelCard;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.Tasks;

/**
 * The prediction tasks and their model versions: {@code GET /api/tasks/{taskId}} ({@code GET} and {@code POST /api/tasks}
 * are {@link TasksApiServlet}'s: a multipart upload needs the servlet's limits), {@code GET /api/tasks/{taskId}/model-versions},
 * {@code GET /api/model-versions/{version}} (any signed-in role), and the administrator's lifecycle changes
 * {@code POST /api/model-versions/{version}/activation} (APPROVED to ACTIVE; the task's previous ACTIVE version is
 * retired) and {@code .../retirement}. A version name contains a slash ({@code colon-recurrence-5y/2}) and is written
 * as it is in the path.
 */
@RequestScoped
@Path("")
public class ModelVersionsResource {

    @Inject
    Tasks tasks;

    @Inject
    ModelVersions modelVersions;

    /** {@code GET /api/tasks/{taskId}} (any signed-in role): the task as {@link TaskJson} writes it; 404 when unknown. */
    @GET
    @Path("tasks/{taskId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response task(@PathParam("taskId") String taskId, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        return ok(TaskJson.of(tasks.byId(taskId).orElseThrow(() -> new ApiProblem(404, "taskId",
                "there is no prediction task '" + taskId + "'"))).toString());
    }

    @GET
    @Path("tasks/{taskId}/model-versions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ofTask(@PathParam("taskId") String taskId, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        if (tasks.byId(taskId).isEmpty()) {
            throw new ApiProblem(404, "taskId", "there is no prediction task '" + taskId + "'");
        }
        JsonArrayBuilder all = PortalJson.array();
        modelVersions.ofTask(taskId).forEach(summary -> all.add(json(summary)));
        return ok(all.build().toString());
    }

    @GET
    @Path("model-versions/{version: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response version(@PathParam("version") String version, @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN);
        return ok(json(modelVersions.byVersion(version).orElseThrow(() -> unknown(version))).toString());
    }

    @POST
    @Path("model-versions/{version: .+}/activation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activate(@PathParam("version") String version, @Context SecurityContext caller) {
        return change(version, caller, modelVersions::activate);
    }

    @POST
    @Path("model-versions/{version: .+}/retirement")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retire(@PathParam("version") String version, @Context SecurityContext caller) {
        return change(version, caller, modelVersions::retire);
    }

    /** A lifecycle change by an administrator; a refused transition is 409 naming the registry's field. */
    private Response change(String version, SecurityContext caller, Transition transition) {
        ApiAccess.require(caller, Roles.ADMIN);
        modelVersions.byVersion(version).orElseThrow(() -> unknown(version));
        try {
            return ok(json(transition.apply(version)).toString());
        } catch (LifecycleRefusedException refused) {
            throw new ApiProblem(409, refused.field(), refused.getMessage());
        }
    }

    private interface Transition {
        ModelVersionSummary apply(String version) throws LifecycleRefusedException;
    }

    private static ApiProblem unknown(String version) {
        return new ApiProblem(404, "version", "there is no model version '" + version + "'");
    }

    static JsonObject json(ModelVersionSummary summary) {
        JsonObjectBuilder json = PortalJson.object().add("version", summary.version()).add("taskId", summary
                .taskId()).add("state", summary.state().name()).add("algorithm", summary.algorithm())
                .add("trainingRows",
                        summary.trainingRows());
        text(json, "options", summary.options());
        text(json, "sha256", summary.sha256());
        text(json, "trainingDataSha256", summary.trainingDataSha256());
        text(json, "wekaVersion", summary.wekaVersion());
        text(json, "trainedBy", summary.trainedBy());
        time(json, "trainedAt", summary.trainedAt());
        number(json, "cvAuc", summary.cvAuc());
        number(json, "cvBrier", summary.cvBrier());
        number(json, "cvAccuracy", summary.cvAccuracy());
        number(json, "cvCalibrationInTheLarge", summary.cvCalibrationInTheLarge());
        number(json, "cvCalibrationSlope", summary.cvCalibrationSlope());
        if (summary.biasReportId() != null) {
            json.add("biasReportId", summary.biasReportId());
        }
        text(json, "approvedBy", summary.approvedBy());
        time(json, "approvedAt", summary.approvedAt());
        text(json, "stateChangedBy", summary.stateChangedBy());
        time(json, "stateChangedAt", summary.stateChangedAt());
        ModelCard card = summary.card();
        if (card != null) {
            JsonObjectBuilder cardJson = PortalJson.object();
            text(cardJson, "dataSource", card.dataSource());
            text(cardJson, "outcomeAndHorizon", card.outcomeAndHorizon());
            text(cardJson, "exclusions", card.exclusions());
            text(cardJson, "predictors", card.predictors());
            text(cardJson, "missingData", card.missingData());
            text(cardJson, "performance", card.performance());
            text(cardJson, "intendedUse", card.intendedUse());
            text(cardJson, "limitations", card.limitations());
            json.add("card", cardJson);
        }
        return json.build();
    }

    private static void text(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }

    private static void time(JsonObjectBuilder json, String key, Instant value) {
        if (value != null) {
            json.add(key, value.toString());
        }
    }

    private static void number(JsonObjectBuilder json, String key, Double value) {
        if (value != null && Double.isFinite(value)) {
            json.add(key, value);
        }
    }

    private static Response ok(String json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("Cache-Control",
                "no-store").build();
    }
}
