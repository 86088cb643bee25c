package org.oncocds.portal.fairness;

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
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code /fairness/upload} (compliance officers): {@code GET} shows the form, {@code POST} (multipart) reads the CSV
 * table of any model's predictions with the columns named in the form, stores the report under the model version
 * named and redirects to it; a refused upload comes back (400, 413 when too large) with the problem named next to its
 * field and nothing stored.
 */
@WebServlet(FairnessUploadServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
@MultipartConfig(maxFileSize = UploadSettings.MAX_UPLOAD_BYTES, maxRequestSize = UploadSettings.MAX_UPLOAD_BYTES
        + 1024 * 1024)
public class FairnessUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/upload";
    static final String VIEW = "fairness/upload";
    static final String FILE = "file";

    /** The form's fields, in the order a refusal is shown. */
    static final List<String> FIELDS = List.of(UploadSettings.MODEL_VERSION, FILE, UploadSettings.LABEL,
            UploadSettings.SCORE, UploadSettings.DECISION, UploadSettings.ATTRIBUTES, UploadSettings.INTERSECTIONS,
            UploadSettings.BANDS, UploadSettings.REFERENCE_GROUPS, UploadSettings.THRESHOLD,
            UploadSettings.MINIMUM_GROUP_SIZE);

    @Inject
    ModelBiasReports reports;

    @Inject
    Pages pages;

    /** A refused field and the reason (the fairness module's words, or empty for the portal's own message). */
    public record UploadProblem(String field, String message) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, Map.of(), List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        Map<String, String> form = new HashMap<>();
        FIELDS.stream().filter(field -> !field.equals(FILE)).forEach(field -> form.put(field, value(request, field)));
        Part file;
        try {
            file = request.getPart(FILE);
        } catch (IllegalStateException tooLarge) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            render(request, response, form, List.of(new UploadProblem(FILE, "")));
            return;
        }
        UploadSettings settings = UploadSettings.read(name -> {
            String value = form.get(name);
            return value == null ? List.of() : List.of(value);
        });
        List<UploadProblem> problems = new ArrayList<>();
        settings.problems().forEach(problem -> problems.add(new UploadProblem(formField(problem.field()), problem
                .message())));
        if (settings.modelVersion() == null) {
            problems.add(0, new UploadProblem(UploadSettings.MODEL_VERSION, ""));
        }
        if (file == null || file.getSize() == 0) {
            problems.add(new UploadProblem(FILE, ""));
        }
        if (!problems.isEmpty()) {
            refuse(request, response, form, problems);
            return;
        }
        StoredBiasReport stored;
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            stored = reports.storeCsvReport(settings.modelVersion(), settings.request(), settings.columns(), csv);
        } catch (InvalidBiasInputException refused) {
            refuse(request, response, form, List.of(new UploadProblem(formField(refused.field()), refused
                    .getMessage())));
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect(FairnessReportServlet.location(request, stored.id()));
    }

    /**
     * The form field a refusal belongs to: the module names parameters ({@code label}, {@code threshold},
     * {@code bands.age}) or, for a problem in the table, the CSV column or line, which belong to the file.
     */
    static String formField(String field) {
        if (field == null) {
            return FILE;
        }
        String base = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        if (base.equals("tolerances")) {
            return FILE;
        }
        return FIELDS.contains(base) && !Set.of(FILE).contains(base) ? base : FILE;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            List<UploadProblem> problems) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        render(request, response, form, problems);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            List<UploadProblem> problems) throws IOException {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(field -> values.put(field, form.getOrDefault(field, "")));
        if (values.get(UploadSettings.THRESHOLD).isEmpty()) {
            values.put(UploadSettings.THRESHOLD, "0.5");
        }
        if (values.get(UploadSettings.MINIMUM_GROUP_SIZE).isEmpty()) {
            values.put(UploadSettings.MINIMUM_GROUP_SIZE, "30");
        }
        Map<String, UploadProblem> byField = new HashMap<>();
        problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
        model.put("form", values);
        model.put("problems", byField);
        model.put("maxMegabytes", UploadSettings.MAX_UPLOAD_BYTES / (1024 * 1024));
        pages.render(request, response, VIEW, model);
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
