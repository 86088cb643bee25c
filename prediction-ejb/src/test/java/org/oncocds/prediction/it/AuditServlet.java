package org.oncocds.prediction.it;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.oncocds.audit.boundary.AuditEntry;
import org.oncocds.audit.boundary.AuditTrail;

/** Reads the newest audit records as the logged-in caller and answers in properties format. */
@WebServlet("/it/audit")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer"}))
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail auditTrail;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties answer = new Properties();
        try {
            List<AuditEntry> entries = auditTrail.latest(Integer.parseInt(request.getParameter("limit")));
            answer.setProperty("count", String.valueOf(entries.size()));
            for (int i = 0; i < entries.size(); i++) {
                describe(entries.get(i), "record." + i + ".", answer);
            }
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }

    /** Governance records have no patient, task or model: their fields are written empty. */
    private static void describe(AuditEntry entry, String prefix, Properties answer) {
        describeFields(entry, prefix, new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object setProperty(String key, String value) {
                return answer.setProperty(key, value == null ? "" : value);
            }
        });
    }

    private static void describeFields(AuditEntry entry, String prefix, Properties answer) {
        answer.setProperty(prefix + "id", String.valueOf(entry.id()));
        answer.setProperty(prefix + "kind", entry.kind());
        answer.setProperty(prefix + "actorName", entry.actorName());
        answer.setProperty(prefix + "actorRoles", entry.actorRoles());
        answer.setProperty(prefix + "patientPseudonym", entry.patientPseudonym());
        answer.setProperty(prefix + "taskId", entry.taskId());
        answer.setProperty(prefix + "modelVersion", entry.modelVersion());
        answer.setProperty(prefix + "modelSha256", entry.modelSha256());
        answer.setProperty(prefix + "inputsJson", entry.inputsJson());
        answer.setProperty(prefix + "outputsJson", entry.outputsJson());
        answer.setProperty(prefix + "requestId", entry.requestId());
    }
}
