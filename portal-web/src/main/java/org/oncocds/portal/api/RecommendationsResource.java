package org.oncocds.portal.api;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.NoActiveModelException;
import org.oncocds.prediction.boundary.Recommendations;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.TreatmentComparison;

/**
 * {@code POST /api/tasks/{taskId}/recommendations} (clinicians): one patient's case as JSON
 * {@code {"mrn": "...", "referenceOption": "Obs", "values": {"age": 63, ...}}} gives the audited treatment comparison,
 * exactly as the case form does (same validation, same audit record, committed before the answer). One instance serves
 * every request (it holds only references to the prediction module's beans): a request-scoped one was created, with
 * its EJB references looked up, for each call.
 */
@ApplicationScoped
@Path("tasks/{taskId}/recommendations")
public class RecommendationsResource {

    /** A case is a few hundred bytes; anything near this is not a case. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(RecommendationsResource.class.getName());

    @EJB
    Tasks tasks;

    @EJB
    Recommendations recommendations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response recommend(@PathParam("taskId") String taskId, InputStream body,
            @Context SecurityContext caller) {
        ApiAccess.require(caller, Roles.CLINICIAN);
        TaskDescription task = tasks.byId(taskId).orElseThrow(() -> new ApiProblem(404, "taskId",
                "there is no prediction task '" + taskId + "'"));
        CaseRequest request = caseRequest(task, Bodies.jsonObject(body, MAX_BODY_BYTES));
        TreatmentComparison comparison;
        try {
            comparison = recommendations.compareTreatments(request);
        } catch (InvalidCaseException refused) {
            throw new ApiProblem(400, refused.errors().stream().map(error -> new ApiProblem.Problem(field(error
                    .field()), error.message())).toList());
        } catch (NoActiveModelException inactive) {
            throw new ApiProblem(409, "taskId", inactive.getMessage());
        } catch (EJBAccessException denied) {
            throw denied;
        } catch (EJBException failed) {
            LOG.log(Level.SEVERE, "API treatment comparison for task " + taskId
                    + " failed and was not answered (no audit record)", failed);
            throw new ApiProblem(500, "audit", "the recommendation could not be audited, so none is given");
        }
        return Response.ok(ComparisonJson.of(comparison).toString(), MediaType.APPLICATION_JSON_TYPE.withCharset(
                "UTF-8")).header("Cache-Control", "no-store").build();
    }

    /** The case as the prediction module takes it: every value as text, numbers written as sent. */
    static CaseRequest caseRequest(TaskDescription task, JsonObject json) {
        List<ApiProblem.Problem> problems = new ArrayList<>();
        Set<String> known = Set.of("mrn", "referenceOption", "values");
        json.keySet().stream().filter(key -> !known.contains(key)).sorted().forEach(key -> problems.add(
                new ApiProblem.Problem(key, key + " is not part of a case (mrn, referenceOption, values)")));
        String mrn = text(json.get("mrn"), "mrn", problems);
        String reference = json.containsKey("referenceOption")
                ? text(json.get("referenceOption"), "referenceOption", problems)
                : task.referenceOption();
        Map<String, String> values = new HashMap<>();
        JsonValue given = json.get("values");
        if (given != null && given.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(new ApiProblem.Problem("values", "values must be an object of feature name to value"));
        } else if (given != null) {
            Set<String> features = new java.util.HashSet<>(task.features().stream().map(FeatureDescription::name)
                    .toList());
            given.asJsonObject().forEach((name, value) -> {
                if (!features.contains(name)) {
                    problems.add(new ApiProblem.Problem(field(name), name + " is not an input of task " + task.id()
                            + " (inputs: " + String.join(", ", features.stream().sorted().toList()) + ")"));
                } else {
                    values.put(name, text(value, field(name), problems));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(400, problems);
        }
        task.features().forEach(feature -> values.putIfAbsent(feature.name(), ""));
        return new CaseRequest(task.id(), mrn, values, reference);
    }

    private static String text(JsonValue value, String field, List<ApiProblem.Problem> problems) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        problems.add(new ApiProblem.Problem(field, field + " must be a string or a number"));
        return "";
    }

    /** The API names a feature as {@code values.<name>}; the MRN and reference option by their own names. */
    static String field(String name) {
        return name.equals("mrn") || name.equals("referenceOption") || name.equals("taskId")
                ? name
                : "values."
                        + name;
    }
}
