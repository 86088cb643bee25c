package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.Driver;
import org.oncocds.prediction.boundary.InputValue;
import org.oncocds.prediction.boundary.ModelDescription;
import org.oncocds.prediction.boundary.OptionRisk;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.TreatmentComparison;

/** A task an administrator uploaded has no texts in the portal: its form and result speak from its definition. */
class UploadedTaskPagesTest {

    private final ServletContext context = WebFakes.servletContext();
    private final Pages pages = new Pages(context, id -> UploadedTask.ID.equals(id)
            ? Optional.of(UploadedTask.TASK)
            : Optional.<TaskDescription>empty());

    @Test
    void theCaseFormNamesTheInputsByNameAndUnitAndTheTitleByTheOutcome() throws IOException {
        String html = render(CaseFormPage.VIEW, CaseFormPage.model(UploadedTask.TASK, CaseForm.blank(
                UploadedTask.TASK), List.of()));

        assertTrue(html.contains(">Death within 1 year</h1>"), html);
        assertTrue(html.contains(">age (years)</label>"), html);
        assertTrue(html.contains(">ph.ecog</label>"), html);
        assertTrue(html.contains("<option value=\"adeno\">adeno</option>"), html);
        assertTrue(html.contains("<option value=\"1\" selected=\"selected\">1</option>"), html);
        assertFalse(html.contains("??"), "every text is there: " + html);
    }

    @Test
    void theResultNamesOptionsInputsAndDrivers() throws IOException {
        TreatmentComparison comparison = new TreatmentComparison(UploadedTask.ID, new ModelDescription(
                "veteran-death-1y/1", "Logistic", "ab12", Instant.parse("2026-11-25T00:00:00Z"), 120), "1",
                List.of(
                        new OptionRisk("1", 0.8, 0, 0.7, 0.9, 0, 0), new OptionRisk("2", 0.75, 0.05, 0.65, 0.85,
                                -0.05, 0.15)),
                "pseudo-abc", 9, Instant.parse("2026-11-25T04:00:00Z"), List.of(new InputValue("age", "63",
                        false), new InputValue("ph.ecog", "1", true)),
                List.of(new Driver("karno", "30", "60",
                        0.1), new Driver("celltype", "smallcell", "squamous", 0.05)));

        String html = render(ResultPage.VIEW, ResultPage.model(CaseResult.of(UploadedTask.TASK, comparison), Optional
                .empty()));

        assertTrue(html.contains("Death within 1 year"), html);
        assertTrue(html.contains("age (years)"), html);
        assertTrue(html.contains("smallcell"), html);
        assertFalse(html.contains("??"), "every text is there: " + html);
    }

    private String render(String view, Map<String, Object> model) throws IOException {
        StringWriter body = new StringWriter();
        pages.render(WebFakes.request(context, "GET", "/cases/new", Map.of(), "clinician", Set.of("clinician"),
                null), WebFakes.response(body, new int[1]), view, model);
        return body.toString();
    }
}
