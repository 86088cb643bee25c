package org.oncocds.portal.fairness;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncocds.fairness.boundary.DisparityMetric;
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.fairness.boundary.LiveMonitoring;
import org.oncocds.fairness.boundary.MonitoringReport;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code GET /fairness/monitoring?task=&from=YYYY-MM&to=YYYY-MM} (compliance officers): bias on live use, month by
 * month: audited recommendations joined with the outcomes recorded later, how many could be counted and why not, and
 * per disparity a trend chart against the reference group. Without a range: the last 12 months.
 */
@WebServlet(MonitoringServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class MonitoringServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/monitoring";
    static final String VIEW = "fairness/monitoring";

    @Inject
    Tasks tasks;

    @Inject
    LiveMonitoring monitoring;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> taskIds = tasks.all().stream().map(TaskDescription::id).toList();
        String task = request.getParameter("task") == null || request.getParameter("task").isBlank()
                ? taskIds.isEmpty() ? "" : taskIds.get(0)
                : request.getParameter("task").strip();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", taskIds);
        model.put("task", task);
        String refusedField = null;
        String refusal = "";
        YearMonth from = now.minusMonths(11);
        YearMonth to = now;
        try {
            from = month(request.getParameter("from"), from);
        } catch (DateTimeParseException e) {
            refusedField = "from";
        }
        try {
            to = month(request.getParameter("to"), to);
        } catch (DateTimeParseException e) {
            refusedField = refusedField == null ? "to" : refusedField;
        }
        model.put("from", from.toString());
        model.put("to", to.toString());
        if (refusedField == null) {
            try {
                MonitoringReport report = monitoring.monthly(task, from, to);
                model.put("report", report);
                model.put("trends", report.trends().stream().filter(trend -> trend.group() != null && trend
                        .metric() != DisparityMetric.DEMOGRAPHIC_PARITY_RATIO).map(TrendChart::of).toList());
            } catch (InvalidBiasInputException refused) {
                refusedField = refused.field();
                refusal = refused.getMessage();
            } catch (EJBAccessException denied) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        if (refusedField != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.put("refusedField", refusedField);
        model.put("refusal", refusal);
        pages.render(request, response, VIEW, model);
    }

    private static YearMonth month(String value, YearMonth otherwise) {
        return value == null || value.isBlank() ? otherwise : YearMonth.parse(value.strip());
    }
}
