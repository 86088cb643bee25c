package org.oncocds.portal.audit;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.portal.security.Roles;

/**
 * {@code POST /audit/verify}: walks the whole audit chain (it reads every record, so it runs only when a compliance
 * officer asks) and redirects to the audit page, which shows the outcome. With a kept checkpoint line it verifies the
 * chain against it too, which detects records removed from the end; an altered or foreign checkpoint is refused.
 */
@WebServlet(ChainVerificationServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class ChainVerificationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit/verify";
    /** A kept checkpoint line to verify the chain against (detects records cut off the end); blank for none. */
    static final String CHECKPOINT = "checkpoint";

    private static final Logger LOG = Logger.getLogger(ChainVerificationServlet.class.getName());

    @Inject
    AuditTrail auditTrail;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChainCheck check;
        String kept = request.getParameter(CHECKPOINT);
        try {
            if (kept == null || kept.isBlank()) {
                check = ChainCheck.of(auditTrail.verifyChain());
            } else {
                ChainCheckpoint checkpoint = ChainCheckpoint.parse(kept.strip());
                check = ChainCheck.of(auditTrail.verifyChainAgainst(checkpoint), checkpoint.sequenceNumber());
            }
        } catch (IllegalArgumentException refused) {
            check = ChainCheck.checkpointRefused(Instant.now().toString(), refused.getMessage());
        } catch (EJBAccessException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (EJBException failed) {
            if (failed.getCause() instanceof IllegalArgumentException refused && kept != null && !kept.isBlank()) {
                ChainCheck.checkpointRefused(Instant.now().toString(), refused.getMessage()).keep(request.getSession());
                response.sendRedirect(request.getContextPath() + AuditServlet.PATH + "#chain-verification");
                return;
            }
            // e.g. the seal key is not configured: the page must say the chain was NOT verified, never "intact".
            LOG.log(Level.SEVERE, "The audit chain could not be verified", failed);
            check = ChainCheck.failed(Instant.now().toString());
        }
        if (check.completed() && !check.intact()) {
            LOG.severe("The audit chain is broken at sequence number " + check.brokenSequenceNumber() + " (record "
                    + check.brokenRecordId() + "): " + check.problem());
        }
        check.keep(request.getSession());
        response.sendRedirect(request.getContextPath() + AuditServlet.PATH + "#chain-verification");
    }
}
