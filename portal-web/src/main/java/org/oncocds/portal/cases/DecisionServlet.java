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
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.DecisionRefusedException;
import org.oncocds.audit.boundary.RecordedDecision;
import org.oncocds.portal.errors.ErrorPages;
import org.oncocds.portal.pages.Pages;
import org.oncocds.portal.security.Roles;

/**
 * {@code POST /cases/decision}: records the clinician's decision on a result of this session (accepted, or overridden
 * with the option chosen instead and why) in the audit trail and redirects to the result, which then shows it. A
 * refused decision shows the result again with the form as typed and the reason next to the field at fault; nothing
 * is recorded then.
 */
@WebServlet(DecisionServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.CLINICIAN))
public class DecisionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/cases/decision";

    private static final Logger LOG = Logger.getLogger(DecisionServlet.class.getName());

    @Inject
    AuditTrail auditTrail;

    @Inject
    Pages pages;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CaseResult> found = CaseResultServlet.recordId(request).flatMap(id -> RecentResults.find(request
                .getSession(), id));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CaseResult result = found.get();
        DecisionForm form = DecisionForm.read(request::getParameter);
        Optional<DecisionProblem> problem = form.check(result);
        if (problem.isPresent()) {
            refuse(request, response, result, form, problem.get(), Optional.empty());
            return;
        }
        String requestId = UUID.randomUUID().toString();
        try {
            auditTrail.recordDecision(form.toEvent(requestId, result.auditRecordId()));
        } catch (DecisionRefusedException refused) {
            Optional<RecordedDecision> existing = auditTrail.decisionOn(result.auditRecordId());
            refuse(request, response, result, form, DecisionProblem.of(refused, form, existing.isPresent()),
                    existing);
            return;
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (EJBException failed) {
            LOG.log(Level.SEVERE, "Decision " + requestId + " on audit record " + result.auditRecordId()
                    + " could not be recorded", failed);
            request.setAttribute(ErrorPages.REASON_ATTRIBUTE, ErrorPages.DECISION_FAILED);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        LOG.info(() -> "decision " + requestId + " recorded on audit record " + result.auditRecordId());
        response.sendRedirect(CaseResultServlet.location(request, result.auditRecordId()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, CaseResult result,
            DecisionForm form, DecisionProblem problem, Optional<RecordedDecision> existing) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        pages.render(request, response, ResultPage.VIEW, ResultPage.model(result, existing, form, problem));
    }
}
