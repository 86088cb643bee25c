package org.oncocds.fairness.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.fairness.control.Sha256;
import org.oncocds.fairness.entity.StoredReport;

/**
 * Exports of a stored bias report as CSV, JSON or PDF for compliance officers and administrators (the portal's
 * download links, a review file). The document is rendered whole before any byte is written, so a report that cannot
 * be rendered writes nothing.
 */
@Stateless
@DeclareRoles({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class BiasReportExports extends FairnessTables {

    @Resource
    SessionContext session;

    @EJB
    GovernanceLog governance;

    /**
     * The report in the format, with a file name and media type to serve it with.
     *
     * @throws InvalidBiasInputException
     *             ({@code reportId}) when no report has that id; ({@code format}) when the format is missing
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public ExportedReport export(long reportId, ExportFormat format) {
        StoredReport report = find(reportId, format);
        byte[] content = render(report, format);
        recordExport(report, format, content);
        return new ExportedReport(fileName(report, format), format.mediaType(), content);
    }

    /**
     * Writes the report in the format to {@code out} (not closed), e.g. a servlet response's stream.
     *
     * @throws InvalidBiasInputException
     *             as {@link #export(long, ExportFormat)}; ({@code out}) when the stream is missing
     * @throws ExportInterruptedException
     *             when the stream fails while the document is written (the export is recorded all the same)
     */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public void export(long reportId, ExportFormat format, OutputStream out) {
        if (out == null) {
            throw new InvalidBiasInputException("out", "out: a stream to write the export to is required");
        }
        StoredReport report = find(reportId, format);
        byte[] content = render(report, format);
        recordExport(report, format, content);
        try {
            out.write(content);
            out.flush();
        } catch (IOException e) {
            // The export record stays: bytes may have left before the stream failed.
            throw new ExportInterruptedException("the export of bias report " + reportId + " was interrupted: " + e
                    .getMessage(), e);
        }
    }

    /** The file name {@link #export(long, ExportFormat)} offers, for a download header written before the content. */
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    public String fileName(long reportId, ExportFormat format) {
        return fileName(find(reportId, format), format);
    }

    /** Every export is in the audit trail (EXPORT), with what was handed out: the document's SHA-256. */
    private void recordExport(StoredReport report, ExportFormat format, byte[] content) {
        governance.record(new GovernanceEvent(null, GovernanceAction.EXPORT, "bias-report " + report.getId(), Map.of(
                "format", format.name(), "modelVersion", report.getModelVersion(), "reportVersion", String.valueOf(
                        report.getReportVersion()),
                "reportSha256", report.getReportSha256(), "exportSha256", Sha256.hex(content))));
    }

    private StoredReport find(long reportId, ExportFormat format) {
        if (format == null) {
            throw new InvalidBiasInputException("format", "format: name an export format (CSV, JSON or PDF)");
        }
        StoredReport report = entityManager.find(StoredReport.class, reportId);
        if (report == null) {
            throw new InvalidBiasInputException("reportId", "reportId: there is no stored bias report " + reportId);
        }
        return report;
    }

    private byte[] render(StoredReport report, ExportFormat format) {
        StoredBiasReport stored = ModelBiasReports.toRecord(report);
        FairnessStatus decision = FairnessSignOff.decisionOn(entityManager, report);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            switch (format) {
                case CSV -> {
                    Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                    ReportCsv.write(stored, writer);
                }
                case JSON -> bytes.write(ReportJson.document(stored, decision).getBytes(StandardCharsets.UTF_8));
                case PDF -> ReportPdf.write(stored, decision, Instant.now().truncatedTo(ChronoUnit.SECONDS), session
                        .getCallerPrincipal().getName(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bias report " + report.getId() + " could not be rendered as " + format, e);
        }
        return bytes.toByteArray();
    }

    /** {@code bias-report-<id>-<model version, unsafe characters as _>-v<report version>.<extension>}. */
    static String fileName(StoredReport report, ExportFormat format) {
        return "bias-report-" + report.getId() + "-" + report.getModelVersion().replaceAll("[^A-Za-z0-9.-]", "_")
                + "-v" + report.getReportVersion() + "." + format.extension();
    }
}
