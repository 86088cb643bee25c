package org.oncocds.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.portal.cases.UploadedTask;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.GovernanceEvents;
import org.oncocds.prediction.boundary.InvalidTaskUploadException;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TaskUploads;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.UploadProblem;

/** {@code /api/tasks}: the list for every role, uploads for administrators, refusals as JSON naming row and column. */
class TasksApiServletTest {

    private static final String DEFINITION = "{\"id\":\"veteran-death-1y\"}";

    private final ServletContext context = WebFakes.servletContext();
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final List<String> denied = new ArrayList<>();
    private TaskUpload received;

    @Test
    void everyRoleListsTheTasksWithTheirInputsAndSubgroups() throws Exception {
        servlet().doGet(WebFakes.request(context, "GET", "/api/tasks", Map.of(), "clinician", Set.of("clinician"),
                null), response);

        assertEquals(200, status[0]);
        JsonArray tasks = PortalJson.reader(new StringReader(body.toString())).readArray();
        assertEquals(2, tasks.size());
        JsonObject uploaded = tasks.getJsonObject(1);
        assertEquals("veteran-death-1y", uploaded.getString("id"));
        assertTrue(uploaded.getBoolean("uploaded"));
        assertTrue(uploaded.isNull("activeModelVersion"));
        assertEquals(List.of("celltype", "age"), uploaded.getJsonArray("subgroupAttributes").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals("ph.ecog", uploaded.getJsonArray("features").getJsonObject(2).getString("name"));
        assertEquals("colon-recurrence-5y/1", tasks.getJsonObject(0).getString("activeModelVersion"));
    }

    @Test
    void anAdministratorsUploadAnswers201WithTheTaskAndItsLocation() throws Exception {
        servlet().doPost(post("admin", Map.of("dataset", WebFakes.part("dataset", "veteran.csv", "trt\n1\n"
                .getBytes(StandardCharsets.UTF_8)), "definition", WebFakes.part("definition", null,
                        DEFINITION
                                .getBytes(StandardCharsets.UTF_8)))),
                response);

        assertEquals(201, status[0]);
        assertEquals("/api/tasks/veteran-death-1y", response.getHeader("Location"));
        assertEquals("veteran-death-1y", PortalJson.reader(new StringReader(body.toString())).readObject().getString(
                "id"));
        assertEquals("veteran.csv", received.fileName());
        assertEquals(DEFINITION, received.definitionJson());
    }

    @Test
    void aRefusedUploadAnswers400WithEveryProblemItsRowAndColumn() throws Exception {
        TasksApiServlet servlet = servlet();
        servlet.taskUploads = new TaskUploads() {
            @Override
            public TaskDescription add(TaskUpload upload) throws InvalidTaskUploadException {
                throw new InvalidTaskUploadException(List.of(new UploadProblem("dataset", 17, "age",
                        "line 17, column age: 130 is above the maximum 100"),
                        new UploadProblem("definition.id",
                                null, null, "the id is taken")));
            }
        };

        servlet.doPost(post("admin", Map.of("dataset", WebFakes.part("dataset", "veteran.csv", new byte[]{1}),
                "definition", WebFakes.part("definition", null, DEFINITION.getBytes(StandardCharsets.UTF_8)))),
                response);

        assertEquals(400, status[0]);
        JsonArray problems = PortalJson.reader(new StringReader(body.toString())).readObject().getJsonArray(
                "problems");
        assertEquals(2, problems.size());
        assertEquals(17, problems.getJsonObject(0).getInt("row"));
        assertEquals("age", problems.getJsonObject(0).getString("column"));
        assertEquals("definition.id", problems.getJsonObject(1).getString("field"));
        assertTrue(problems.getJsonObject(1).isNull("row"));
    }

    @Test
    void aMissingPartIsNamed() throws Exception {
        servlet().doPost(post("admin", Map.of("definition", WebFakes.part("definition", null, DEFINITION.getBytes(
                StandardCharsets.UTF_8)))), response);

        assertEquals(400, status[0]);
        assertTrue(body.toString().contains("\"field\":\"dataset\""), body.toString());
        assertNull(received);
    }

    @Test
    void anotherRoleIsRefused403AndTheRefusalRecorded() throws Exception {
        servlet().doPost(post("clinician", Map.of()), response);

        assertEquals(403, status[0]);
        assertTrue(body.toString().contains("\"field\":\"role\""), body.toString());
        assertEquals(List.of("POST /api/tasks"), denied);
        assertNull(received);
    }

    @Test
    void aBodyThatIsNotMultipartIsRefused415() throws Exception {
        servlet().doPost(WebFakes.request(context, "POST", "/api/tasks", Map.of(), "admin", Set.of("admin"), null,
                Map.of("Content-Type", "application/json")), response);

        assertEquals(415, status[0]);
        assertTrue(body.toString().contains("\"field\":\"Content-Type\""), body.toString());
    }

    private TasksApiServlet servlet() {
        TasksApiServlet servlet = new TasksApiServlet();
        servlet.tasks = new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK, UploadedTask.TASK);
            }
        };
        servlet.taskUploads = new TaskUploads() {
            @Override
            public TaskDescription add(TaskUpload upload) {
                received = upload;
                return UploadedTask.TASK;
            }
        };
        servlet.events = new GovernanceEvents() {
            @Override
            public void accessDenied(HttpServletRequest request, String method, String path, String reason) {
                denied.add(method + " " + path);
            }
        };
        return servlet;
    }

    private HttpServletRequest post(String role, Map<String, Part> parts) {
        return WebFakes.multipart(context, "/api/tasks", Map.of(), role, Set.of(role), null, parts);
    }
}
