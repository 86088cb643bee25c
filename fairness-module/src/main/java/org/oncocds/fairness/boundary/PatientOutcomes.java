package org.oncocds.fairness.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.GovernanceLog;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.fairness.control.FollowUp;
import org.oncocds.fairness.entity.PatientOutcome;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;

/**
 * Outcomes recorded after a recommendation, for the live bias monitoring: a clinician or data manager reports that a
 * patient (by MRN) had the task's event by day N, or was event-free at follow-up on day N. The MRN is turned into the
 * patient's pseudonym (the one the audit trail keeps with the recommendations) and never stored; each outcome is
 * recorded in the audit trail as {@code OUTCOME_RECORDED} in the same transaction.
 */
@Stateless
@DeclareRoles({Roles.CLINICIAN, Roles.COMPLIANCE_OFFICER, Roles.ADMIN, Roles.DATA_MANAGER})
public class PatientOutcomes extends FairnessTables {

    /** The latest follow-up day accepted: 100 years. */
    public static final int MAX_DAY = 36_525;

    /** The longest MRN accepted, in characters. */
    public static final int MAX_MRN_LENGTH = 64;

    @EJB
    Tasks tasks;

    @Inject
    PatientPseudonyms pseudonyms;

    @Resource
    SessionContext session;

    @EJB
    GovernanceLog governance;

    /**
     * Records the outcome; a later record for the same patient and task supersedes earlier ones in the monitoring.
     *
     * @throws OutcomeRefusedException
     *             ({@code report}) when missing; ({@code mrn}) missing, blank or longer than {@value #MAX_MRN_LENGTH}
     *             characters; ({@code taskId}) not a monitored prediction task; ({@code outcome}) missing;
     *             ({@code day}) missing or outside 0 to {@value #MAX_DAY}. Nothing is written.
     */
    @RolesAllowed({Roles.CLINICIAN, Roles.DATA_MANAGER})
    public RecordedOutcome record(OutcomeReport report) {
        if (report == null) {
            throw new OutcomeRefusedException("report", "an outcome report is required");
        }
        String pseudonym = pseudonymOf(report.mrn());
        double horizon = horizonOf(report.taskId());
        if (report.outcome() == null) {
            throw new OutcomeRefusedException("outcome", "say whether the event happened (EVENT) or the patient was "
                    + "event-free (EVENT_FREE)");
        }
        if (report.day() == null || report.day() < 0 || report.day() > MAX_DAY) {
            throw new OutcomeRefusedException("day", "the follow-up day must be 0 to " + MAX_DAY
                    + " days after the treatment decision, was " + report.day());
        }
        PatientOutcome outcome = new PatientOutcome(report.taskId(), pseudonym, report.outcome().name(), report.day(),
                session.getCallerPrincipal().getName(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        entityManager.persist(outcome);
        entityManager.flush();
        governance.record(new GovernanceEvent(null, GovernanceAction.OUTCOME_RECORDED, "outcome " + outcome.getId(),
                Map.of("taskId", outcome.getTaskId(), "patientPseudonym", pseudonym, "outcome", outcome.getOutcome(),
                        "day", String.valueOf(outcome.getDay()))));
        return toRecord(outcome, horizon);
    }

    /**
     * The outcomes recorded for the patient and task, the newest (the one the monitoring uses) first.
     *
     * @throws OutcomeRefusedException
     *             ({@code mrn}, {@code taskId}) as {@link #record}
     */
    @RolesAllowed({Roles.CLINICIAN, Roles.DATA_MANAGER})
    public List<RecordedOutcome> outcomesOf(String mrn, String taskId) {
        String pseudonym = pseudonymOf(mrn);
        double horizon = horizonOf(taskId);
        return entityManager.createNamedQuery(PatientOutcome.OF_PATIENT, PatientOutcome.class).setParameter("taskId",
                taskId).setParameter("pseudonym", pseudonym).getResultList().stream().map(o -> toRecord(o, horizon))
                .toList();
    }

    static RecordedOutcome toRecord(PatientOutcome outcome, double horizonDays) {
        OutcomeKind kind = OutcomeKind.valueOf(outcome.getOutcome());
        var label = FollowUp.label(kind == OutcomeKind.EVENT, outcome.getDay(), horizonDays);
        return new RecordedOutcome(outcome.getId(), outcome.getTaskId(), outcome.getPatientPseudonym(), kind, outcome
                .getDay(), label.isPresent() ? label.getAsInt() : null, outcome.getRecordedBy(),
                outcome
                        .getRecordedAt());
    }

    private String pseudonymOf(String mrn) {
        if (mrn == null || mrn.isBlank()) {
            throw new OutcomeRefusedException("mrn", "the patient's MRN is required");
        }
        if (mrn.strip().length() > MAX_MRN_LENGTH) {
            throw new OutcomeRefusedException("mrn", "an MRN has at most " + MAX_MRN_LENGTH + " characters");
        }
        return pseudonyms.pseudonymOf(mrn);
    }

    /** The task's label horizon in days, as the prediction module defines it for the task. */
    private double horizonOf(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new OutcomeRefusedException("taskId", "there is no prediction task '" + taskId + "'");
        }
        return tasks.byId(taskId).map(TaskDescription::horizonDays).orElseThrow(() -> new OutcomeRefusedException(
                "taskId", "there is no prediction task '" + taskId + "'"));
    }
}
