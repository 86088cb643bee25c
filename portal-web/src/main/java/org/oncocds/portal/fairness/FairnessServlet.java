package org.oncocds.portal.fairness;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code GET /fairness} (compliance officers): every task's model versions with their lifecycle state and fairness
 * review status, and the stored bias reports of each version with the decision on each; {@code ?modelVersion=} also
 * lists the reports stored under any other name (uploads of another model's predictions).
 */
@WebServlet(FairnessServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class FairnessServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness";
    static final String VIEW = "fairness/reports";
    static final String MODEL_VERSION = "modelVersion";

    @Inject
    Tasks tasks;

    @Inject
    ModelVersions modelVersions;

    @Inject
    ModelBiasReports reports;

    @Inject
    FairnessSignOff signOff;

    @Inject
    Pages pages;

    /** A model version with its fairness review and its stored reports. */
    public record VersionRow(String version, String state, FairnessStatus status, List<ReportRow> reports) {
    }

    /** A stored report with the decision on it. */
    public record ReportRow(StoredBiasReport report, FairnessStatus decision, Map<String, Long> verdicts) {
    }

    /** A task and its versions. */
    public record TaskRow(String id, String titleKey, List<VersionRow> versions) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<TaskRow> rows = new ArrayList<>();
        for (TaskDescription task : tasks.all()) {
            List<VersionRow> versions = modelVersions.ofTask(task.id()).stream().map(this::version).toList();
            rows.add(new TaskRow(task.id(), "task." + task.id(), versions));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", rows);
        String named = request.getParameter(MODEL_VERSION);
        model.put("modelVersion", named == null ? "" : named.strip());
        if (named != null && !named.isBlank()) {
            model.put("named", version(named.strip(), ""));
        }
        pages.render(request, response, VIEW, model);
    }

    private VersionRow version(ModelVersionSummary summary) {
        return version(summary.version(), summary.state().name());
    }

    private VersionRow version(String version, String state) {
        List<ReportRow> stored = reports.storedFor(version).stream().map(report -> new ReportRow(report, signOff
                .decisionOn(report.id()), verdicts(report))).toList();
        return new VersionRow(version, state, signOff.statusOf(version), stored);
    }

    private static Map<String, Long> verdicts(StoredBiasReport report) {
        Map<String, Long> counts = new HashMap<>();
        report.verdictCounts().forEach((verdict, count) -> counts.put(verdict.name(), count));
        return counts;
    }
}
