package org.oncocds.portal.cases;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.portal.errors.ErrorPages;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;
import org.oncocds.prediction.boundary.CandidacyAssessment;
import org.oncocds.prediction.boundary.CandidacyRequest;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.ImmunotherapyCandidacy;
import org.oncocds.prediction.boundary.InvalidCaseException;

/**
 * {@code /immunotherapy} (clinicians): {@code GET} shows the checkpoint-inhibitor candidacy form (tumour type, stage,
 * biomarkers; blank = not tested); {@code POST} asks the prediction module's versioned rule set, which audits the
 * assessment before answering, and redirects to {@code /immunotherapy?record=<audit record id>}, which shows the
 * verdict with every criterion, the one that fired, its source and the caveats. Refused inputs come back (400) each
 * with its reason.
 */
@WebServlet(CandidacyServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.CLINICIAN))
public class CandidacyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/immunotherapy";
    static final String FORM_VIEW = "cases/immunotherapy";
    static final String RESULT_VIEW = "cases/candidacy";
    /** The texts of the rule set's inputs live under {@code task.immunotherapy-candidacy.}. */
    static final String TASK_ID = "immunotherapy-candidacy";
    static final String SESSION_ATTRIBUTE = CandidacyServlet.class.getName();
    static final int KEPT = 20;

    private static final Logger LOG = Logger.getLogger(CandidacyServlet.class.getName());

    @Inject
    ImmunotherapyCandidacy candidacy;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String record = request.getParameter("record");
        if (record != null) {
            Optional<CandidacyAssessment> kept = kept(request.getSession(false), record);
            if (kept.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            pages.render(request, response, RESULT_VIEW, Map.of("assessment", kept.get()));
            return;
        }
        render(request, response, Map.of(), List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (FeatureDescription input : candidacy.inputs()) {
            String value = request.getParameter(input.name());
            values.put(input.name(), value == null ? "" : value.strip());
        }
        String mrn = request.getParameter(CaseForm.MRN) == null ? "" : request.getParameter(CaseForm.MRN);
        CandidacyAssessment assessment;
        try {
            assessment = candidacy.assess(new CandidacyRequest(mrn, values));
        } catch (InvalidCaseException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> typed = new HashMap<>(values);
            typed.put(CaseForm.MRN, mrn);
            render(request, response, typed, refused.errors());
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (EJBException failed) {
            LOG.log(Level.SEVERE, "immunotherapy candidacy failed and was not shown (no audit record)", failed);
            request.setAttribute(ErrorPages.REASON_ATTRIBUTE, ErrorPages.AUDIT_FAILED);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        keep(request.getSession(), assessment);
        response.sendRedirect(request.getContextPath() + PATH + "?record=" + assessment.auditRecordId());
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, String> typed,
            List<FieldError> errors) throws IOException {
        Map<String, FieldProblem> problems = new HashMap<>();
        errors.forEach(error -> problems.putIfAbsent(error.field(), FieldProblem.of(error, CaseFormPage.labelKey(
                error.field()))));
        List<FormField> fields = candidacy.inputs().stream().map(input -> CaseFormPage.featureField(TASK_ID, input,
                typed.getOrDefault(input.name(), ""), problems.get(input.name()))).toList();
        FormField mrn = new FormField(CaseForm.MRN, MessageKeys.caseField(CaseForm.MRN), FormField.Input.TEXT, typed
                .getOrDefault(CaseForm.MRN, ""), true, null, null, null, List.of(), problems.get(CaseForm.MRN));
        Map<String, Object> model = new HashMap<>();
        model.put("mrnField", mrn);
        model.put("fields", fields);
        pages.render(request, response, FORM_VIEW, model);
    }

    @SuppressWarnings("unchecked")
    private static void keep(HttpSession session, CandidacyAssessment assessment) {
        Object existing = session.getAttribute(SESSION_ATTRIBUTE);
        LinkedHashMap<String, CandidacyAssessment> kept = existing instanceof LinkedHashMap<?, ?> map
                ? (LinkedHashMap<String, CandidacyAssessment>) map
                : new LinkedHashMap<>();
        kept.put(String.valueOf(assessment.auditRecordId()), assessment);
        while (kept.size() > KEPT) {
            kept.remove(kept.keySet().iterator().next());
        }
        session.setAttribute(SESSION_ATTRIBUTE, kept);
    }

    private static Optional<CandidacyAssessment> kept(HttpSession session, String record) {
        Object existing = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return existing instanceof Map<?, ?> map && map.get(record) instanceof CandidacyAssessment assessment
                ? Optional.of(assessment)
                : Optional.empty();
    }
}
