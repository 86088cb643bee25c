package org.oncocds.portal.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.ChainCheckpoint;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /audit/checkpoint}: the chain head signed with the seal key, as one line of text to download and keep
 * outside the system; verifying the chain against it later detects records cut off the end.
 */
@WebServlet(CheckpointServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class CheckpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/audit/checkpoint";

    @Inject
    AuditTrail auditTrail;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChainCheckpoint checkpoint = auditTrail.checkpoint();
        byte[] line = (checkpoint.asText() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-checkpoint-" + checkpoint
                .sequenceNumber() + ".txt\"");
        response.setContentLength(line.length);
        response.getOutputStream().write(line);
    }
}
