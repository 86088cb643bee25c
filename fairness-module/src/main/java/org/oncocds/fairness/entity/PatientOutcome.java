package org.oncocds.fairness.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An outcome recorded for a patient (by pseudonym, never the MRN) and a prediction task: the task's event happened on
 * day N after the treatment decision, or the patient was event-free at follow-up on day N. A later record for the same
 * patient and task supersedes an earlier one; none is ever changed or deleted.
 */
@Entity
@Table(name = "FAIRNESS_OUTCOME", indexes = @Index(name = "FAIRNESS_OUTCOME_PATIENT", columnList = "TASK_ID, PATIENT_PSEUDONYM"))
@NamedQuery(name = PatientOutcome.OF_TASK, query = "SELECT o FROM PatientOutcome o WHERE o.taskId = :taskId ORDER BY "
        + "o.id")
@NamedQuery(name = PatientOutcome.OF_PATIENT, query = "SELECT o FROM PatientOutcome o WHERE o.taskId = :taskId AND "
        + "o.patientPseudonym = :pseudonym ORDER BY o.id DESC")
public class PatientOutcome {

    public static final String OF_TASK = "PatientOutcome.ofTask";
    public static final String OF_PATIENT = "PatientOutcome.ofPatient";

    @Id
    @SequenceGenerator(name = "FAIRNESS_OUTCOME_IDS", sequenceName = "FAIRNESS_OUTCOME_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "FAIRNESS_OUTCOME_IDS")
    @Column(name = "ID", updatable = false)
    private Long id;

    @Column(name = "TASK_ID", nullable = false, updatable = false, length = StoredReport.ID_LENGTH)
    private String taskId;

    @Column(name = "PATIENT_PSEUDONYM", nullable = false, updatable = false, length = 64)
    private String patientPseudonym;

    /** {@code EVENT} or {@code EVENT_FREE}. */
    @Column(name = "OUTCOME", nullable = false, updatable = false, length = 20)
    private String outcome;

    @Column(name = "FOLLOW_UP_DAY", nullable = false, updatable = false)
    private int day;

    @Column(name = "RECORDED_BY", nullable = false, updatable = false, length = StoredReport.ID_LENGTH)
    private String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false, updatable = false)
    private Instant recordedAt;

    protected PatientOutcome() {
    }

    public PatientOutcome(String taskId, String patientPseudonym, String outcome, int day, String recordedBy,
            Instant recordedAt) {
        this.taskId = taskId;
        this.patientPseudonym = patientPseudonym;
        this.outcome = outcome;
        this.day = day;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("recorded outcome " + id + " is never changed or deleted");
    }

    public Long getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getPatientPseudonym() {
        return patientPseudonym;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getDay() {
        return day;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
