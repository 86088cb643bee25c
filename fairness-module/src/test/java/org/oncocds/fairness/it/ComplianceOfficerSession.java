package org.oncocds.fairness.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
import org.oncocds.fairness.boundary.BiasReportExports;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.ExportFormat;
import org.oncocds.fairness.boundary.ExportedReport;
import org.oncocds.fairness.boundary.CsvColumns;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.ModelBiasReports;
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

    public ExportedReport export(long reportId, ExportFormat format) {
        return exports.export(reportId, format);
    }

    public byte[] exportToStream(long reportId, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(reportId, format, out);
        return out.toByteArray();
    }

    public StoredBiasReport store(String taskId) {
        return reports.storeCrossValidationReport(taskId);
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
