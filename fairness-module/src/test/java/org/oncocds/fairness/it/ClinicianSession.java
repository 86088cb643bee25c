package org.oncocds.fairness.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.YearMonth;
import java.util.List;
import org.oncocds.audit.boundary.AuditTrail;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.fairness.boundary.BiasReportExports;
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
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.InvalidCaseException;
import org.oncocds.prediction.boundary.Recommendations;
import org.oncocds.prediction.boundary.TreatmentComparison;

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

    @EJB
    Recommendations recommendations;

    @EJB
    AuditTrail auditTrail;

    @EJB
    PatientOutcomes outcomes;

    @EJB
    LiveMonitoring monitoring;

    public TreatmentComparison compare(CaseRequest request) throws InvalidCaseException {
        return recommendations.compareTreatments(request);
    }

    public void decide(DecisionEvent decision) {
        auditTrail.recordDecision(decision);
    }

    public RecordedOutcome record(OutcomeReport report) {
        return outcomes.record(report);
    }

    public List<RecordedOutcome> outcomesOf(String mrn, String taskId) {
        return outcomes.outcomesOf(mrn, taskId);
    }

    public MonitoringReport monthly(String taskId, YearMonth from, YearMonth to) {
        return monitoring.monthly(taskId, from, to);
    }

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
