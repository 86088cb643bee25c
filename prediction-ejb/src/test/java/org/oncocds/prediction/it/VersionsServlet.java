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
import org.oncocds.prediction.boundary.LifecycleRefusedException;
import org.oncocds.prediction.boundary.ModelVersionSummary;
import org.oncocds.prediction.boundary.ModelVersions;

/**
 * The registry through {@link ModelVersions} as the logged-in caller: GET {@code ?task=} lists the versions, POST
 * {@code action=approve|activate|retire&version=...&biasReportId=...} changes one; answers in properties format, 409
 * with the refused field, 403 for a caller without the role.
 */
@WebServlet("/it/versions")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"clinician", "compliance-officer", "admin"}))
public class VersionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ModelVersions versions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties answer = new Properties();
        try {
            List<ModelVersionSummary> all = versions.ofTask(request.getParameter("task"));
            answer.setProperty("count", String.valueOf(all.size()));
            for (int i = 0; i < all.size(); i++) {
                describe(all.get(i), "version." + i + ".", answer);
            }
            versions.active(request.getParameter("task")).ifPresent(active -> answer.setProperty("active", active
                    .version()));
            if (!all.isEmpty()) {
                answer.setProperty("cv.predictions", String.valueOf(versions.crossValidation(all.get(0).version())
                        .orElseThrow().predictions().size()));
            }
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        write(answer, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties answer = new Properties();
        String version = request.getParameter("version");
        try {
            switch (request.getParameter("action")) {
                case "approve" -> versions.approve(version, Long.parseLong(request.getParameter("biasReportId")));
                case "activate" -> versions.activate(version);
                case "retire" -> versions.retire(version);
                default -> throw new IllegalArgumentException(request.getParameter("action"));
            }
            describe(versions.byVersion(version).orElseThrow(), "", answer);
        } catch (LifecycleRefusedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            answer.setProperty("refused." + e.field(), e.reason());
        } catch (EJBAccessException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        write(answer, response);
    }

    private static void describe(ModelVersionSummary version, String prefix, Properties answer) {
        answer.setProperty(prefix + "version", version.version());
        answer.setProperty(prefix + "state", version.state().name());
        answer.setProperty(prefix + "algorithm", version.algorithm());
        answer.setProperty(prefix + "sha256", version.sha256());
        answer.setProperty(prefix + "wekaVersion", version.wekaVersion());
        answer.setProperty(prefix + "trainedBy", version.trainedBy());
        answer.setProperty(prefix + "cvAuc", String.valueOf(version.cvAuc()));
        answer.setProperty(prefix + "stateChangedBy", version.stateChangedBy());
        answer.setProperty(prefix + "card.performance", version.card().performance());
        answer.setProperty(prefix + "card.dataSource", version.card().dataSource());
    }

    private static void write(Properties answer, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=ISO-8859-1");
        answer.store(response.getOutputStream(), null);
    }
}
