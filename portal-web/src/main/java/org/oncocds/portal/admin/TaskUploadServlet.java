package org.oncocds.portal.admin;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.InvalidTaskUploadException;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TaskUpload;
import org.oncocds.prediction.boundary.TaskUploads;
import org.oncocds.prediction.boundary.UploadProblem;

/**
 * {@code /admin/tasks/new} (administrators): {@code GET} shows the form, {@code POST} (multipart: the dataset file,
 * and the definition typed or as a file) adds the task and redirects to the task list naming it; a refused upload
 * comes back (400, 413 when too large) listing every problem with its row and column, nothing stored.
 */
@WebServlet(TaskUploadServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
@MultipartConfig(maxFileSize = TaskUploads.MAX_DATASET_BYTES, maxRequestSize = TaskUploads.MAX_DATASET_BYTES
        + TaskUploadServlet.MAX_DEFINITION_BYTES + 64 * 1024)
public class TaskUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/tasks/new";
    static final String VIEW = "admin/task-upload";
    static final String DATASET = "dataset";
    static final String DEFINITION = "definition";
    static final String DEFINITION_FILE = "definitionFile";

    /** The largest definition accepted, typed or as a file: 1 MiB. */
    static final int MAX_DEFINITION_BYTES = 1024 * 1024;

    @Inject
    TaskUploads taskUploads;

    @Inject
    Pages pages;

    /**
     * One reason the upload was refused, as the page lists it: the prediction module's problem, or the portal's own
     * (then {@code messageKey} names its text and {@code message} is empty).
     */
    public record ProblemRow(String field, Integer row, String column, String message, String messageKey) {

        static ProblemRow of(UploadProblem problem) {
            return new ProblemRow(problem.field(), problem.row(), problem.column(), problem.message(), null);
        }

        static ProblemRow portal(String field, String messageKey) {
            return new ProblemRow(field, null, null, "", messageKey);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, "", List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        Part dataset;
        Part typedPart;
        Part definitionFile;
        try {
            dataset = request.getPart(DATASET);
            typedPart = request.getPart(DEFINITION);
            definitionFile = request.getPart(DEFINITION_FILE);
        } catch (IllegalStateException tooLarge) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            render(request, response, "", List.of(ProblemRow.portal(DATASET, "tasks.upload.error.tooLarge")));
            return;
        }
        List<ProblemRow> problems = new ArrayList<>();
        // Read as UTF-8 from the part itself: a form field's parameter would be decoded in the request's encoding.
        String typed = utf8(typedPart, problems);
        if (dataset == null || dataset.getSize() == 0) {
            problems.add(ProblemRow.portal(DATASET, "tasks.upload.error.noDataset"));
        }
        String definition = typed.strip();
        if (definition.isEmpty() && definitionFile != null && definitionFile.getSize() > 0) {
            definition = utf8(definitionFile, problems).strip();
        }
        if (definition.isBlank() && problems.stream().noneMatch(problem -> problem.field().equals(DEFINITION))) {
            problems.add(ProblemRow.portal(DEFINITION, "tasks.upload.error.noDefinition"));
        }
        if (!problems.isEmpty()) {
            refuse(request, response, typed, problems);
            return;
        }
        TaskDescription added;
        try (InputStream bytes = dataset.getInputStream()) {
            added = taskUploads.add(new TaskUpload(fileName(dataset), bytes.readAllBytes(), definition));
        } catch (InvalidTaskUploadException refused) {
            refuse(request, response, typed, refused.problems().stream().map(ProblemRow::of).toList());
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + TasksServlet.PATH + "?" + TasksServlet.ADDED + "="
                + URLEncoder.encode(added.id(), StandardCharsets.UTF_8));
    }

    /** The uploaded file's name without any directory a browser may send along. */
    static String fileName(Part part) {
        String name = part.getSubmittedFileName();
        if (name == null) {
            return "";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** A definition part (typed or a file) as UTF-8 text; empty, with the problem noted, when too large or not UTF-8. */
    private static String utf8(Part part, List<ProblemRow> problems) throws IOException {
        if (part == null || part.getSize() == 0) {
            return "";
        }
        if (part.getSize() > MAX_DEFINITION_BYTES) {
            problems.add(ProblemRow.portal(DEFINITION, "tasks.upload.error.definitionTooLarge"));
            return "";
        }
        try (InputStream in = part.getInputStream()) {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            problems.add(ProblemRow.portal(DEFINITION, "tasks.upload.error.definitionNotUtf8"));
            return "";
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String typed,
            List<ProblemRow> problems) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        render(request, response, typed, problems);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String typed,
            List<ProblemRow> problems) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("definition", typed);
        model.put("problems", problems);
        model.put("maxMegabytes", TaskUploads.MAX_DATASET_BYTES / (1024 * 1024));
        model.put("maxProblems", TaskUploads.MAX_PROBLEMS);
        pages.render(request, response, VIEW, model);
    }

}
