package org.oncocds.portal.admin;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.AlgorithmDescription;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InvalidTrainingRequestException;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.TrainingRequest;

/**
 * {@code /admin/train?task=<task>&algorithm=<algorithm>} (administrators): {@code GET} shows the algorithms to choose
 * from and the chosen one's options with their defaults and bounds; {@code POST} starts the training in the background
 * and redirects to its progress page at once; refused options come back (400) each with its reason.
 */
@WebServlet(TrainingServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class TrainingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/admin/train";
    static final String VIEW = "admin/train";
    static final String OPTION_PREFIX = "options.";

    @Inject
    Tasks tasks;

    @Inject
    ModelVersions modelVersions;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TaskDescription> task = task(request);
        if (task.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        render(request, response, task.get(), Map.of(), List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TaskDescription> task = task(request);
        if (task.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, String> options = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith(OPTION_PREFIX) && values.length > 0 && !values[0].isBlank()) {
                options.put(name.substring(OPTION_PREFIX.length()), values[0].strip());
            }
        });
        String jobId;
        try {
            jobId = modelVersions.startTraining(new TrainingRequest(task.get().id(), request.getParameter("algorithm"),
                    options));
        } catch (InvalidTrainingRequestException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(request, response, task.get(), options, refused.errors());
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect(request.getContextPath() + TrainingJobServlet.PATH + "?id=" + URLEncoder.encode(jobId,
                StandardCharsets.UTF_8));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, TaskDescription task,
            Map<String, String> typed, List<FieldError> errors) throws IOException {
        List<AlgorithmDescription> algorithms = modelVersions.algorithms();
        String chosen = request.getParameter("algorithm");
        AlgorithmDescription algorithm = algorithms.stream().filter(candidate -> candidate.id().equals(chosen))
                .findFirst().orElse(null);
        Map<String, String> values = new HashMap<>();
        if (algorithm != null) {
            algorithm.options().forEach(option -> values.put(option.name(), typed.getOrDefault(option.name(), option
                    .defaultValue() == null ? "" : option.defaultValue())));
        }
        Map<String, FieldError> byField = new HashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error));
        Map<String, Object> model = new HashMap<>();
        model.put("task", task.id());
        model.put("algorithms", algorithms);
        model.put("algorithm", algorithm);
        model.put("values", values);
        model.put("errors", byField);
        model.put("otherErrors", errors.stream().filter(error -> !error.field().startsWith(OPTION_PREFIX)).toList());
        pages.render(request, response, VIEW, model);
    }

    private Optional<TaskDescription> task(HttpServletRequest request) {
        String id = request.getParameter("task");
        return id == null ? Optional.empty() : tasks.byId(id);
    }
}
