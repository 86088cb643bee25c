package org.oncocds.portal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;
import org.oncocds.portal.pages.Pages;
import org.oncocds.prediction.boundary.CandidacyAssessment;
import org.oncocds.prediction.boundary.CandidacyRequest;
import org.oncocds.prediction.boundary.CriterionResult;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.ImmunotherapyCandidacy;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.Problem;

/** The candidacy page: the rule set's verdict with the criterion that fired, refusals per field. */
class CandidacyServletTest {

    private final ServletContext context = WebFakes.servletContext();
    private final HttpSession session = WebFakes.session();
    private CandidacyRequest received;

    @Test
    void anAssessmentRedirectsToItsVerdictWithEveryCriterion() throws Exception {
        StringWriter body = new StringWriter();
        int[] status = new int[1];
        HttpServletResponse response = WebFakes.response(body, status);
        servlet().doPost(request("POST", Map.of("mrn", "MRN-9", "tumourType", "melanoma", "unresectableOrMetastatic",
                "yes", "tmb", "")), response);

        assertEquals(302, status[0]);
        assertEquals("/immunotherapy?record=31", response.getHeader("Location"));
        assertEquals("melanoma", received.values().get("tumourType"));
        assertEquals("", received.values().get("tmb"), "not tested stays blank");

        StringWriter page = new StringWriter();
        servlet().doGet(request("GET", Map.of("record", "31")), WebFakes.response(page, new int[1]));
        String html = page.toString();
        assertTrue(html.contains("data-verdict=\"CANDIDATE\""), html);
        assertTrue(html.contains("Criterion that fired: melanoma"), html);
        assertTrue(html.contains("data-criterion=\"tmb-high\" data-status=\"NOT_EVALUABLE\"") || html.contains(
                "data-status=\"NOT_EVALUABLE\""), html);
        assertFalse(html.contains("MRN-9"), "no MRN on the result");
        assertFalse(html.contains("??"), html);
    }

    @Test
    void theFormShowsEveryInputAndRefusalsNameTheirField() throws Exception {
        StringWriter body = new StringWriter();
        int[] status = new int[1];
        servlet().doPost(request("POST", Map.of("mrn", "MRN-9", "tumourType", "", "unresectableOrMetastatic", "yes",
                "tmb", "-1")), WebFakes.response(body, status));

        assertEquals(400, status[0]);
        String html = body.toString();
        assertTrue(html.contains("id=\"error-tmb\""), html);
        assertTrue(html.contains("Tumour type"), html);
        assertTrue(html.contains("non-small-cell lung cancer"), html);
        assertFalse(html.contains("??"), html);
    }

    private CandidacyServlet servlet() {
        CandidacyServlet servlet = new CandidacyServlet();
        servlet.pages = new Pages(context);
        servlet.candidacy = new ImmunotherapyCandidacy() {
            @Override
            public List<FeatureDescription> inputs() {
                return List.of(new FeatureDescription("tumourType", FeatureType.CATEGORY, "", null, null, List.of(
                        "nsclc", "melanoma"), true), new FeatureDescription("unresectableOrMetastatic",
                                FeatureType.CATEGORY, "", null, null, List.of("yes", "no"), true),
                        new FeatureDescription("tmb", FeatureType.NUMBER, "mutations/Mb", 0.0, 10000.0, List.of(),
                                false));
            }

            @Override
            public CandidacyAssessment assess(CandidacyRequest request) throws InvalidCaseException {
                received = request;
                if ("-1".equals(request.values().get("tmb"))) {
                    throw new InvalidCaseException(List.of(new FieldError("tmb", Problem.BELOW_MINIMUM, "0",
                            "tmb must be at least 0")));
                }
                return new CandidacyAssessment("immunotherapy-candidacy/2025.1", "d".repeat(64), "CANDIDATE", List.of(
                        new CriterionResult("melanoma", "Advanced melanoma", "MET", "unresectable melanoma",
                                "Hodi FS et al., NEJM 2010"),
                        new CriterionResult("tmb-high", "TMB-high", "NOT_EVALUABLE",
                                "tumour mutational burden not given", "FDA 2020")),
                        List.of("melanoma"), List.of(
                                "Follows FDA labels."),
                        "e".repeat(64), 31, Instant.parse(
                                "2026-11-25T07:00:00Z"));
            }
        };
        return servlet;
    }

    private HttpServletRequest request(String method, Map<String, String> parameters) {
        return WebFakes.request(context, method, "/immunotherapy", parameters, "clinician", Set.of("clinician"),
                session);
    }
}
