package org.oncocds.portal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.AlgorithmDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.InvalidTrainingRequestException;
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.LifecycleState;
import org.oncocds.prediction.boundary.ModelCard;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.Problem;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.oncocds.prediction.boundary.TrainingJob;
import org.oncocds.prediction.boundary.TrainingRequest;
import org.oncocds.prediction.boundary.TrainingStatus;

/** The administrator's model pages: lifecycle buttons by state, refusals named, training never waited for. */
class ModelPagesTest {

    private static final Instant AT = Instant.parse("2026-11-25T06:00:00Z");

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context);
    private final StringWriter body = new StringWriter();
    private final int[] status = new int[1];
    private final HttpServletResponse response = WebFakes.response(body, status);
    private final List<String> calls = new ArrayList<>();
    private TrainingStatus jobStatus = TrainingStatus.RUNNING;

    @Test
    void onlyAnApprovedVersionOffersActivationAndTheCardIsLinked() throws Exception {
        ModelsServlet list = new ModelsServlet();
        list.tasks = tasks();
        list.modelVersions = versions();
        list.pages = pages;

        list.doGet(request("GET", Map.of()), response);

        String html = body.toString();
        assertEquals(1, html.split("class=\"activate\"").length - 1, "one APPROVED version: " + html);
        assertTrue(html.contains("href=\"/admin/model?version=colon-recurrence-5y/2\""), html);
        assertTrue(html.contains("href=\"/admin/train?task=colon-recurrence-5y\""), html);
        assertTrue(html.contains("data-status=\"RUNNING\""), html);
        assertFalse(html.contains("??"), html);
    }

    @Test
    void aRefusedActivationComesBackNamingTheReason() throws Exception {
        LifecycleServlet lifecycle = new LifecycleServlet();
        lifecycle.tasks = tasks();
        lifecycle.modelVersions = versions();
        lifecycle.pages = pages;

        lifecycle.doPost(request("POST", Map.of("version", "colon-recurrence-5y/1", "action", "activate")), response);

        assertEquals(409, status[0]);
        assertTrue(body.toString().contains("data-field=\"state\""), body.toString());
        assertTrue(body.toString().contains("only an APPROVED version can be activated"), body.toString());

        int[] done = new int[1];
        HttpServletResponse activated = WebFakes.response(new StringWriter(), done);
        lifecycle.doPost(request("POST", Map.of("version", "colon-recurrence-5y/2", "action", "activate")), activated);
        assertEquals(302, done[0]);
        assertEquals("/admin/models", activated.getHeader("Location"));
        assertEquals(List.of("activate colon-recurrence-5y/2"), calls);
    }

    @Test
    void trainingStartsInTheBackgroundAndItsPageRefreshesWhileItRuns() throws Exception {
        TrainingServlet train = new TrainingServlet();
        train.tasks = tasks();
        train.modelVersions = versions();
        train.pages = pages;

        train.doPost(request("POST", Map.of("task", ColonTask.ID, "algorithm", "random-forest",
                "options.numTrees", "200")), response);
        assertEquals(302, status[0]);
        assertEquals("/admin/job?id=job-1", response.getHeader("Location"));
        assertEquals(List.of("train random-forest {numTrees=200}"), calls);

        StringWriter refused = new StringWriter();
        int[] refusedStatus = new int[1];
        train.doPost(request("POST", Map.of("task", ColonTask.ID, "algorithm", "random-forest", "options.numTrees",
                "-1")), WebFakes.response(refused, refusedStatus));
        assertEquals(400, refusedStatus[0]);
        assertTrue(refused.toString().contains("id=\"error-options.numTrees\""), refused.toString());

        TrainingJobServlet job = new TrainingJobServlet();
        job.modelVersions = versions();
        job.pages = pages;
        StringWriter progress = new StringWriter();
        job.doGet(request("GET", Map.of("id", "job-1")), WebFakes.response(progress, new int[1]));
        assertTrue(progress.toString().contains("<meta http-equiv=\"refresh\" content=\"3\">"), progress.toString());
        assertTrue(progress.toString().contains("4 of 10 cross-validation folds done"), progress.toString());

        jobStatus = TrainingStatus.SUCCEEDED;
        StringWriter finished = new StringWriter();
        job.doGet(request("GET", Map.of("id", "job-1")), WebFakes.response(finished, new int[1]));
        assertFalse(finished.toString().contains("http-equiv=\"refresh\""), "no refresh once it ended");
        assertFalse(finished.toString().contains("??"), finished.toString());
    }

    private Tasks tasks() {
        return new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK);
            }

            @Override
            public Optional<TaskDescription> byId(String taskId) {
                return ColonTask.ID.equals(taskId) ? Optional.of(ColonTask.TASK) : Optional.empty();
            }
        };
    }

    private ModelVersions versions() {
        return new ModelVersions() {
            @Override
            public List<ModelVersionSummary> ofTask(String taskId) {
                return List.of(summary("colon-recurrence-5y/2", LifecycleState.APPROVED), summary(
                        "colon-recurrence-5y/1", LifecycleState.VALIDATED));
            }

            @Override
            public ModelVersionSummary activate(String version) throws LifecycleRefusedException {
                if (!version.endsWith("/2")) {
                    throw new LifecycleRefusedException("state", "only an APPROVED version can be activated");
                }
                calls.add("activate " + version);
                return summary(version, LifecycleState.ACTIVE);
            }

            @Override
            public List<TrainingJob> jobs(int limit) {
                return List.of(runningJob());
            }

            @Override
            public Optional<TrainingJob> job(String jobId) {
                return Optional.of(runningJob());
            }

            @Override
            public List<AlgorithmDescription> algorithms() {
                return List.of(new AlgorithmDescription("random-forest", List.of(
                        new AlgorithmDescription.OptionDescription("numTrees", FeatureType.WHOLE_NUMBER, 1.0, 1000.0,
                                "100", "trees in the forest"))));
            }

            @Override
            public String startTraining(TrainingRequest request) throws InvalidTrainingRequestException {
                if ("-1".equals(request.options().get("numTrees"))) {
                    throw new InvalidTrainingRequestException(List.of(new FieldError("options.numTrees",
                            Problem.BELOW_MINIMUM, "1", "options.numTrees must be at least 1")));
                }
                calls.add("train " + request.algorithm() + " " + request.options());
                return "job-1";
            }
        };
    }

    private TrainingJob runningJob() {
        return new TrainingJob("job-1", ColonTask.ID, "random-forest", Map.of("numTrees", "200"), jobStatus, 4, 10,
                jobStatus == TrainingStatus.SUCCEEDED ? "colon-recurrence-5y/3" : null, null, "admin", AT, null);
    }

    private static ModelVersionSummary summary(String version, LifecycleState state) {
        return new ModelVersionSummary(version, ColonTask.ID, "Logistic", "-R 1.0E-4", state, "a".repeat(64), "b"
                .repeat(64), "3.8.6", "admin", AT, 0.68, 0.22, 0.64, 0.01, 0.97, 888, "c".repeat(64), null, null,
                null, "admin", AT, new ModelCard("colon trial", "recurrence within 5 years", "censored", "sex, age",
                        "imputed", "AUC 0.68", "adjuvant therapy", "trial population only"));
    }

    private HttpServletRequest request(String method, Map<String, String> parameters) {
        return WebFakes.request(context, method, "/admin/models", parameters, "admin", Set.of("admin"), WebFakes
                .session());
    }
}
