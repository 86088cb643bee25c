package org.oncocds.portal.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.DisparityMetric;
import org.oncocds.fairness.boundary.DisparityTrend;
import org.oncocds.fairness.boundary.Estimate;
import org.oncocds.fairness.boundary.Interval;
import org.oncocds.fairness.boundary.LiveMonitoring;
import org.oncocds.fairness.boundary.MonitoringCounts;
import org.oncocds.fairness.boundary.MonitoringReport;
import org.oncocds.fairness.boundary.MonthlyBias;
import org.oncocds.fairness.boundary.TrendPoint;
import org.oncocds.fairness.boundary.Verdict;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.cases.ColonTask;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/** Live monitoring: the months with their counts and each disparity's trend drawn with its intervals. */
class MonitoringPageTest {

    private final ServletContext context = WebFakes.servletContext();
    private final List<String> asked = new ArrayList<>();

    @Test
    void theMonthsAndTrendsAreShownAndABadMonthIsRefused() throws Exception {
        StringWriter body = new StringWriter();
        int[] status = new int[1];
        servlet().doGet(request(Map.of("task", ColonTask.ID, "from", "2026-10", "to", "2026-11")), WebFakes.response(
                body, status));

        assertEquals(List.of(ColonTask.ID + " 2026-10 2026-11"), asked);
        String html = body.toString();
        assertEquals(200, status[0]);
        assertTrue(html.contains("data-month=\"2026-11\""), html);
        assertTrue(html.contains("<svg class=\"trend-chart\""), html);
        assertTrue(html.contains("class=\"trend-line\""), html);
        assertEquals(1, html.split("class=\"whisker\"").length - 1, "one month has an interval: " + html);
        assertFalse(html.contains("??"), html);

        StringWriter refused = new StringWriter();
        int[] refusedStatus = new int[1];
        servlet().doGet(request(Map.of("from", "October")), WebFakes.response(refused, refusedStatus));
        assertEquals(400, refusedStatus[0]);
        assertTrue(refused.toString().contains("id=\"error-from\""), refused.toString());
    }

    private MonitoringServlet servlet() {
        MonitoringServlet servlet = new MonitoringServlet();
        servlet.pages = new Pages(context);
        servlet.tasks = new Tasks() {
            @Override
            public List<TaskDescription> all() {
                return List.of(ColonTask.TASK);
            }
        };
        servlet.monitoring = new LiveMonitoring() {
            @Override
            public MonitoringReport monthly(String taskId, YearMonth from, YearMonth to) {
                asked.add(taskId + " " + from + " " + to);
                MonitoringCounts counts = counts(Map.of("recommendations", 120L, "withoutOutcome", 40L, "censored",
                        5L, "labelled", 75L));
                return new MonitoringReport(taskId, from, to, 1826.25, BiasReportRequest.of("sex"), List.of(
                        new MonthlyBias(from, counts, Map.of("colon-recurrence-5y/1", 120L), null), new MonthlyBias(
                                to, counts, Map.of("colon-recurrence-5y/1", 120L), FairnessPagesTest.report())),
                        List.of(new DisparityTrend("sex", "M", DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, List.of(
                                new TrendPoint(from, new Estimate(null, null, "too few patients"),
                                        Verdict.NOT_ASSESSED),
                                new TrendPoint(to, new Estimate(0.05, new Interval(-0.02, 0.12, 1000), null),
                                        Verdict.PASS)))));
            }
        };
        return servlet;
    }

    /** The counts by component name, whatever else the record holds (0), so the test follows the record's shape. */
    static MonitoringCounts counts(Map<String, Long> values) {
        try {
            var components = MonitoringCounts.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = values.getOrDefault(components[i].getName(), 0L);
            }
            return MonitoringCounts.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServletRequest request(Map<String, String> parameters) {
        return WebFakes.request(context, "GET", "/fairness/monitoring", parameters, "compliance", Set.of(
                "compliance-officer"), WebFakes.session());
    }
}
