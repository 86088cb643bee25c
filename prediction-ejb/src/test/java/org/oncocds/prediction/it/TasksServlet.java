package org.oncocds.prediction.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Properties;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/** Describes the tasks from {@link Tasks} in properties format. */
@WebServlet("/it/tasks")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer"}))
public class TasksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Tasks tasks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties answer = new Properties();
        answer.setProperty("ids", String.join(",", tasks.all().stream().map(TaskDescription::id).toList()));
        tasks.byId(request.getParameter("id")).ifPresent(task -> {
            answer.setProperty("options", String.join(",", task.treatmentOptions()));
            answer.setProperty("referenceOption", task.referenceOption());
            answer.setProperty("features", String.join(",", task.features().stream().map(FeatureDescription::name)
                    .toList()));
            answer.setProperty("uploaded", String.valueOf(task.uploaded()));
            answer.setProperty("subgroupAttributes", String.join(",", task.subgroupAttributes()));
            answer.setProperty("horizonDays", String.valueOf(task.horizonDays()));
            if (task.activeModel() != null) {
                answer.setProperty("modelVersion", task.activeModel().version());
                answer.setProperty("modelSha256", task.activeModel().sha256());
                answer.setProperty("trainingRows", String.valueOf(task.activeModel().trainingRows()));
            }
        });
        answer.setProperty("ready", String.valueOf(tasks.ready()));
        tasks.crossValidation(request.getParameter("id")).ifPresent(validation -> {
            answer.setProperty("cv.auc", String.valueOf(validation.auc()));
            answer.setProperty("cv.predictions", String.valueOf(validation.predictions().size()));
            answer.setProperty("cv.calibrationSlope", String.valueOf(validation.calibrationSlope()));
            answer.setProperty("cv.reliabilityBins", String.valueOf(validation.reliability().size()));
        });
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }
}
