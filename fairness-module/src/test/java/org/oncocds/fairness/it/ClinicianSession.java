package org.oncocds.fairness.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.oncocds.fairness.boundary.BiasReportExports;
import org.oncocds.fairness.boundary.ExportFormat;
import org.oncocds.fairness.boundary.ExportedReport;
import org.oncocds.fairness.boundary.FairnessSignOff;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.ModelBiasReports;
import org.oncocds.fairness.boundary.StoredBiasReport;

/** Calls the fairness boundary as a clinician would. */
@Stateless
@RunAs("clinician")
public class ClinicianSession {

    @EJB
    ModelBiasReports reports;

    @EJB
    FairnessSignOff signOff;

    @EJB
    BiasReportExports exports;

    public ExportedReport export(long reportId, ExportFormat format) {
        return exports.export(reportId, format);
    }

    public StoredBiasReport store(String taskId) {
        return reports.storeCrossValidationReport(taskId);
    }

    public FairnessStatus approve(long reportId, String comment) {
        return signOff.approve(reportId, comment);
    }

    public FairnessStatus statusOf(String modelVersion) {
        return signOff.statusOf(modelVersion);
    }
}
