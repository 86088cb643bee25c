package org.oncocds.portal.fairness;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.oncocds.fairness.boundary.BiasReportExports;
import org.oncocds.fairness.boundary.ExportFormat;
import org.oncocds.fairness.boundary.ExportedReport;
import org.oncocds.fairness.boundary.InvalidBiasInputException;
import org.oncocds.portal.security.Roles;

/**
 * {@code GET /fairness/export?id=<report id>&format=csv|json|pdf} (compliance officers): the stored report as a
 * download, made by the fairness module.
 */
@WebServlet(FairnessExportServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.COMPLIANCE_OFFICER))
public class FairnessExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/fairness/export";
    static final String FORMAT = "format";

    @Inject
    BiasReportExports exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = FairnessReportServlet.reportId(request);
        Optional<ExportFormat> format = format(request.getParameter(FORMAT));
        if (id.isEmpty() || format.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportedReport exported;
        try {
            exported = exports.export(id.get(), format.get());
        } catch (InvalidBiasInputException unknown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(exported.mediaType());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + exported.fileName().replaceAll(
                "[^A-Za-z0-9._-]", "_") + "\"");
        response.setContentLength(exported.content().length);
        response.getOutputStream().write(exported.content());
    }

    static Optional<ExportFormat> format(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ExportFormat.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
