package org.oncocds.portal.api;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.GovernanceEvents;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.InvalidTaskUploadException;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TaskUploads;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.UploadProblem;

/**
 * {@code GET /api/tasks} (any signed-in role): every prediction task, shipped and uploaded ({@link TaskJson}).
 * {@code POST /api/tasks} (administrators): adds a task from a {@code multipart/form-data} body with the parts
 * {@code dataset} (the CSV or ARFF file; its file name says the format) and {@code definition} (the JSON definition, as
 * a file or a text field): 201 with the task and its {@code Location}; 400 listing every problem with field, row and
 * column, nothing stored; 413 when the body is over the limit; 403 for other roles (recorded as ACCESS_DENIED).
 * <p>
 * A servlet, not a JAX-RS resource, because the container enforces its multipart limits while the body streams in;
 * the bearer token is checked for it like for every path under {@code /api} ({@code security.PortalAuthentication}),
 * and its answers have the API's JSON error form. {@code GET /api/tasks/{id}} is {@link ModelVersionsResource}'s.
 */
@WebServlet(TasksApiServlet.PATH)
@MultipartConfig(maxFileSize = TaskUploads.MAX_DATASET_BYTES, maxRequestSize = TasksApiServlet.MAX_BODY_BYTES)
public class TasksApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(TasksApiServlet.class.getName());

    static final String PATH = "/api/tasks";
    static final String DATASET = "dataset";
    static final String DEFINITION = "definition";

    /** The largest definition part: 1 MiB. */
    static final int MAX_DEFINITION_BYTES = 1024 * 1024;

    /** The largest body: the dataset, the definition and room for the multipart headers. */
    static final long MAX_BODY_BYTES = (long) TaskUploads.MAX_DATASET_BYTES + MAX_DEFINITION_BYTES + 64 * 1024;

    @Inject
    Tasks tasks;

    @Inject
    TaskUploads taskUploads;

    @Inject
    GovernanceEvents events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request, response, Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN)) {
            return;
        }
        JsonArrayBuilder all = PortalJson.array();
        tasks.all().forEach(task -> all.add(TaskJson.of(task)));
        write(response, HttpServletResponse.SC_OK, all.build().toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        if (!allowed(request, response, Roles.ADMIN)) {
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            problems(response, 415, List.of(new UploadProblem("Content-Type", null, null,
                    "send multipart/form-data with the parts dataset and definition")));
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        Part dataset;
        Part definition;
        try {
            dataset = request.getPart(DATASET);
            definition = request.getPart(DEFINITION);
        } catch (IllegalStateException over) {
            tooLarge(response);
            return;
        }
        if (dataset == null || dataset.getSize() == 0) {
            problems(response, 400, List.of(new UploadProblem(DATASET, null, null,
                    "the part dataset (the CSV or ARFF file) is missing or empty")));
            return;
        }
        if (definition == null || definition.getSize() == 0) {
            problems(response, 400, List.of(new UploadProblem(DEFINITION, null, null,
                    "the part definition (the task's JSON definition) is missing or empty")));
            return;
        }
        if (definition.getSize() > MAX_DEFINITION_BYTES) {
            problems(response, 413, List.of(new UploadProblem(DEFINITION, null, null, "the definition is larger "
                    + "than " + MAX_DEFINITION_BYTES + " bytes; nothing was stored")));
            return;
        }
        String definitionJson;
        try (InputStream in = definition.getInputStream()) {
            definitionJson = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            problems(response, 400, List.of(new UploadProblem(DEFINITION, null, null,
                    "the definition is not UTF-8 text")));
            return;
        }
        try (InputStream in = dataset.getInputStream()) {
            TaskDescription added = taskUploads.add(new TaskUpload(fileName(dataset), in.readAllBytes(),
                    definitionJson));
            response.setHeader("Location", request.getContextPath() + PATH + "/" + URLEncoder.encode(added.id(),
                    StandardCharsets.UTF_8));
            write(response, HttpServletResponse.SC_CREATED, TaskJson.of(added).toString());
        } catch (InvalidTaskUploadException refused) {
            problems(response, 400, refused.problems());
        } catch (EJBAccessException denied) {
            deny(request, response, "your role may not do this");
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "task upload failed", failed);
            problems(response, 500, List.of(new UploadProblem("server", null, null,
                    "the request failed on the server; nothing was stored")));
        }
    }

    /** The uploaded file's name without any directory a client may send along. */
    static String fileName(Part part) {
        String name = part.getSubmittedFileName();
        if (name == null) {
            return "";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** The API's error body, each problem with its row and column when it has them. */
    static String body(int status, List<UploadProblem> problems) {
        JsonArrayBuilder list = PortalJson.array();
        for (UploadProblem problem : problems) {
            JsonObjectBuilder json = PortalJson.object().add("field", problem.field());
            if (problem.row() != null) {
                json.add("row", problem.row());
            } else {
                json.addNull("row");
            }
            if (problem.column() != null) {
                json.add("column", problem.column());
            } else {
                json.addNull("column");
            }
            list.add(json.add("message", problem.message()));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return PortalJson.object().add("status", status).add("error", known == null
                ? "error"
                : known
                        .getReasonPhrase())
                .add("problems", list).build().toString();
    }

    private boolean allowed(HttpServletRequest request, HttpServletResponse response, String... roles)
            throws IOException {
        if (request.getUserPrincipal() == null) {
            problems(response, 401, List.of(new UploadProblem("Authorization", null, null,
                    "a bearer token is required")));
            return false;
        }
        if (Arrays.stream(roles).noneMatch(request::isUserInRole)) {
            deny(request, response, "this needs the role " + String.join(" or ", roles));
            return false;
        }
        return true;
    }

    private void deny(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        events.accessDenied(request, request.getMethod(), request.getRequestURI(), "role");
        problems(response, 403, List.of(new UploadProblem("role", null, null, message)));
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        problems(response, 413, List.of(new UploadProblem(DATASET, null, null, "the upload is larger than "
                + TaskUploads.MAX_DATASET_BYTES / (1024 * 1024) + " MiB; nothing was stored")));
    }

    private static void problems(HttpServletResponse response, int status, List<UploadProblem> problems)
            throws IOException {
        write(response, status, body(status, problems));
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json);
    }
}
