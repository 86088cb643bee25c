package org.oncocds.fairness.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.AuditRow;
import org.oncocds.audit.boundary.AuditSearch;
import org.oncocds.audit.boundary.RecordKind;
import org.oncocds.fairness.boundary.BiasReportExports;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.CsvColumns;
import org.oncocds.fairness.boundary.ExportFormat;
import org.oncocds.fairness.boundary.ExportedReport;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.LiveMonitoring;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.MonitoringReport;
import org.oncocds.fairness.boundary.OutcomeReport;
import org.oncocds.fairness.boundary.PatientOutcomes;
import org.oncocds.fairness.boundary.RecordedOutcome;
import org.oncocds.fairness.boundary.StoredBiasReport;

/** Calls the fairness boundary as a compliance officer would. */
@Stateless
@RunAs("compliance-officer")
public class ComplianceOfficerSession {

    @EJB
    ModelBiasReports reports;

    @EJB
    FairnessSignOff signOff;

    @EJB
    BiasReportExports exports;

    @EJB
    LiveMonitoring monitoring;

    @EJB
    PatientOutcomes outcomes;

    @EJB
    AuditSearch auditSearch;

    public MonitoringReport monthly(String taskId, YearMonth from, YearMonth to, BiasReportRequest request) {
        return monitoring.monthly(taskId, from, to, request);
    }

    public RecordedOutcome record(OutcomeReport report) {
        return outcomes.record(report);
    }

    /** The newest governance records, newest first. */
    public List<AuditRow> governanceRecords() {
        return auditSearch.search(AuditQuery.any().ofKind(RecordKind.GOVERNANCE), null, AuditSearch.MAX_PAGE_SIZE)
                .rows();
    }

    public ExportedReport export(long reportId, ExportFormat format) {
        return exports.export(reportId, format);
    }

    /** Exports to a stream that fails after the first 100 bytes, as a browser that goes away would. */
    public void exportToFailingStream(long reportId, ExportFormat format) {
        exports.export(reportId, format, new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 100) {
                    throw new IOException("connection reset by peer");
                }
            }
        });
    }

    public byte[] exportToStream(long reportId, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(reportId, format, out);
        return out.toByteArray();
    }

    /** The standard review of a registered model version, e.g. {@code colon-recurrence-5y/1}. */
    public StoredBiasReport store(String modelVersion) {
        return reports.storeModelVersionReport(modelVersion);
    }

    /** The standard review of the version that answers the task. */
    public StoredBiasReport storeForTask(String taskId) {
        return reports.storeCrossValidationReport(taskId);
    }

    public FairnessStatus decisionOn(long reportId) {
        return signOff.decisionOn(reportId);
    }

    public StoredBiasReport storeCsv(String modelVersion, BiasReportRequest request, CsvColumns columns, Reader csv) {
        return reports.storeCsvReport(modelVersion, request, columns, csv);
    }

    public Optional<StoredBiasReport> stored(long reportId) {
        return reports.stored(reportId);
    }

    public List<StoredBiasReport> storedFor(String modelVersion) {
        return reports.storedFor(modelVersion);
    }

    public FairnessStatus approve(long reportId, String comment) {
        return signOff.approve(reportId, comment);
    }

    public FairnessStatus reject(long reportId, String comment) {
        return signOff.reject(reportId, comment);
    }

    public FairnessStatus statusOf(String modelVersion) {
        return signOff.statusOf(modelVersion);
    }
}
