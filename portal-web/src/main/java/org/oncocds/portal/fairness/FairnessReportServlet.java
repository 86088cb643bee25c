package org.oncocds.portal.fairness;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.StoredBiasReport;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /fairness/report?id=<report id>} (compliance officers): one stored bias report with per-group tables,
 * server-drawn SVG charts, the disparities with their verdicts, the export links, and the decision on it or the form to
 * approve or reject it.
 */
@WebServlet(FairnessReportServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class FairnessReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/report";
    static final String VIEW = "fairness/report";
    static final String ID = "id";

    @Inject
    ModelBiasReports reports;

    @Inject
    FairnessSignOff signOff;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StoredBiasReport> stored = reportId(request).flatMap(reports::stored);
        if (stored.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        render(pages, signOff, request, response, stored.get(), null, "");
    }

    /** Renders the report; {@code refusal} (with the comment as typed) when a decision was refused. */
    static void render(Pages pages, FairnessSignOff signOff, HttpServletRequest request, HttpServletResponse response,
            StoredBiasReport stored, DecisionRefusal refusal, String comment) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("view", ReportView.of(stored, signOff.decisionOn(stored.id())));
        model.put("metrics", ReportView.METRICS.stream().map(Enum::name).toList());
        model.put("refusal", refusal);
        model.put("comment", comment);
        model.put("maxComment", FairnessSignOff.MAX_COMMENT_LENGTH);
        pages.render(request, response, VIEW, model);
    }

    static Optional<Long> reportId(HttpServletRequest request) {
        try {
            return Optional.of(Long.parseLong(String.valueOf(request.getParameter(ID))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String location(HttpServletRequest request, long id) {
        return request.getContextPath() + PATH + "?" + ID + "=" + id;
    }

    /**
     * A refused decision: the field ({@code comment}, {@code decision}, {@code reportId}) and the fairness module's
     * reason (empty when the portal refused it before asking).
     */
    public record DecisionRefusal(String field, String message) {
    }
}
