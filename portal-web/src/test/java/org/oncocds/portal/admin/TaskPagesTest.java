package org.oncocds.portal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.portal.cases.UploadedTask;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.InvalidTaskUploadException;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TaskUploads;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.UploadProblem;

/** The administrator's task list and upload form: problems listed with row and column, success links to training. */
class TaskPagesTest {

    private static final String DEFINITION = "{\"id\":\"veteran-death-1y\"}";

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context, id -> UploadedTask.ID.equals(id)
            ? Optional.of(UploadedTask.TASK)
            : Optional.<TaskDescription>empty());
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private TaskUpload received;

    @Test
    void theListShowsShippedAndUploadedTasksWithTheirAnsweringVersion() throws Exception {
        list().doGet(WebFakes.request(context, "GET", TasksServlet.PATH, Map.of(), "admin", Set.of("admin"), null),
                response);

        String html = body.toString();
        assertTrue(html.contains("data-task=\"colon-recurrence-5y\" data-uploaded=\"false\""), html);
        assertTrue(html.contains("data-task=\"veteran-death-1y\" data-uploaded=\"true\""), html);
        assertTrue(html.contains(">colon-recurrence-5y/1</td>"), html);
        assertTrue(html.contains(">Death within 1 year</td>"), html);
        assertTrue(html.contains("href=\"/admin/train?task=veteran-death-1y\""), html);
        assertTrue(html.contains("id=\"new-task-link\" href=\"/admin/tasks/new\""), html);
        assertFalse(html.contains("id=\"task-added\""), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void afterAnUploadTheNewTaskIsNamedWithTheLinkToTrainIt() throws Exception {
        list().doGet(WebFakes.request(context, "GET", TasksServlet.PATH, Map.of("added", UploadedTask.ID), "admin",
                Set.of("admin"), null), response);

        String html = body.toString();
        assertTrue(html.contains("id=\"task-added\""), html);
        assertTrue(html.contains("data-task=\"veteran-death-1y\""), html);
        assertTrue(html.contains("id=\"train-new-task\" href=\"/admin/train?task=veteran-death-1y\""), html);
    }

    @Test
    void anAcceptedUploadRedirectsToTheListNamingTheTask() throws Exception {
        upload(accepting()).doPost(post(Map.of("definition", typed(DEFINITION), "dataset", WebFakes.part("dataset",
                "C:\\data\\veteran.csv", "trt,age\n1,60\n".getBytes(StandardCharsets.UTF_8)))), response);

        assertEquals(303, status[0]);
        assertEquals("/admin/tasks?added=veteran-death-1y", response.getHeader("Location"));
        assertEquals("veteran.csv", received.fileName());
        assertEquals(DEFINITION, received.definitionJson());
        assertEquals("trt,age\n1,60\n", new String(received.dataset(), StandardCharsets.UTF_8));
    }

    @Test
    void theDefinitionMayComeAsAFile() throws Exception {
        upload(accepting()).doPost(post(Map.of("definition", typed("  "), "dataset", WebFakes.part("dataset",
                "veteran.arff", new byte[]{1}), "definitionFile",
                WebFakes.part("definitionFile", "def.json",
                        DEFINITION.getBytes(StandardCharsets.UTF_8)))),
                response);

        assertEquals(303, status[0]);
        assertEquals(DEFINITION, received.definitionJson());
    }

    @Test
    void aRefusedUploadListsEveryProblemWithRowAndColumnAndKeepsTheDefinition() throws Exception {
        TaskUploads refusing = new TaskUploads() {
            @Override
            public TaskDescription add(TaskUpload upload) throws InvalidTaskUploadException {
                throw new InvalidTaskUploadException(List.of(new UploadProblem("dataset", 17, "age",
                        "line 17, column age: 130 is above the maximum 100"),
                        new UploadProblem(
                                "definition.features[2].max", null, null, "max must be above min")));
            }
        };

        upload(refusing).doPost(post(Map.of("definition", typed(DEFINITION), "dataset", WebFakes.part("dataset",
                "veteran.csv", new byte[]{1}))), response);

        String html = body.toString();
        assertEquals(400, status[0]);
        assertTrue(html.contains("id=\"upload-problems\""), html);
        assertTrue(html.matches("(?s).*data-field=\"dataset\"\\s+data-row=\"17\" data-column=\"age\".*"), html);
        assertTrue(html.contains("line 17, column age: 130 is above the maximum 100"), html);
        assertTrue(html.contains("data-field=\"definition.features[2].max\""), html);
        assertTrue(html.contains("{&quot;id&quot;:&quot;veteran-death-1y&quot;}</textarea>"), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void aMissingDatasetOrDefinitionIsNamedBeforeThePredictionModuleIsAsked() throws Exception {
        upload(accepting()).doPost(post(Map.of()), response);

        String html = body.toString();
        assertEquals(400, status[0]);
        assertTrue(html.contains("data-field=\"dataset\""), html);
        assertTrue(html.contains("Choose the dataset file."), html);
        assertTrue(html.contains("data-field=\"definition\""), html);
        assertNull(received);
    }

    @Test
    void aRoleTheModuleRefusesGets403() throws Exception {
        TaskUploads denying = new TaskUploads() {
            @Override
            public TaskDescription add(TaskUpload upload) {
                throw new EJBAccessException("admin only");
            }
        };

        upload(denying).doPost(post(Map.of("definition", typed(DEFINITION), "dataset", WebFakes.part("dataset",
                "veteran.csv", new byte[]{1}))), response);

        assertEquals(403, status[0]);
    }

    @Test
    void theFormHasTheContractsIds() throws Exception {
        upload(accepting()).doGet(WebFakes.request(context, "GET", TaskUploadServlet.PATH, Map.of(), "admin", Set.of(
                "admin"), null), response);

        String html = body.toString();
        for (String id : List.of("task-upload-form", "dataset", "definition", "definitionFile", "add-task")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("enctype=\"multipart/form-data\""), html);
        assertTrue(html.contains("name=\"_csrf\""), html);
        assertFalse(html.contains("??"), html);
    }

    private TasksServlet list() {
        TasksServlet servlet = new TasksServlet();
        servlet.tasks = new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK, UploadedTask.TASK);
            }
        };
        servlet.pages = pages;
        return servlet;
    }

    private TaskUploads accepting() {
        return new TaskUploads() {
            @Override
            public TaskDescription add(TaskUpload upload) {
                received = upload;
                return UploadedTask.TASK;
            }
        };
    }

    private TaskUploadServlet upload(TaskUploads uploads) {
        TaskUploadServlet servlet = new TaskUploadServlet();
        servlet.taskUploads = uploads;
        servlet.pages = pages;
        return servlet;
    }

    @Test
    void aTypedDefinitionIsReadAsUtf8() throws Exception {
        String withUnicode = "{\"outcome\":\"death \u2264 1 year, Ljubljana \u010d\"}";

        upload(accepting()).doPost(post(Map.of("definition", typed(withUnicode), "dataset", WebFakes.part("dataset",
                "veteran.csv", new byte[]{1}))), response);

        assertEquals(withUnicode, received.definitionJson());
    }

    /** The textarea as the browser sends it: a part without file name, UTF-8. */
    private static Part typed(String text) {
        return WebFakes.part("definition", null, text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpServletRequest post(Map<String, Part> parts) {
        return WebFakes.multipart(context, TaskUploadServlet.PATH, new HashMap<>(), "admin", Set.of("admin"),
                WebFakes.session(), parts);
    }
}
