package org.oncocds.fairness.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A compliance officer's decision on one stored report: approved or rejected, with the written comment. One per
 * report (a unique key on the report id keeps two decisions made at once from both landing); never changed or deleted.
 */
@Entity
@Table(name = "FAIRNESS_SIGN_OFF", uniqueConstraints = @UniqueConstraint(name = "FAIRNESS_SIGN_OFF_REPORT", columnNames = "REPORT_ID"))
@NamedQuery(name = SignOff.OF_REPORT, query = "SELECT s FROM SignOff s WHERE s.reportId = :reportId")
@NamedQuery(name = SignOff.OF_MODEL_VERSION_NEWEST_FIRST, query = "SELECT s FROM SignOff s WHERE s.modelVersion = "
        + ":modelVersion ORDER BY s.decidedAt DESC, s.id DESC")
public class SignOff {

    public static final String OF_REPORT = "SignOff.ofReport";
    public static final String OF_MODEL_VERSION_NEWEST_FIRST = "SignOff.ofModelVersionNewestFirst";
    public static final int COMMENT_LENGTH = 4000;

    @Id
    @SequenceGenerator(name = "FAIRNESS_SIGN_OFF_IDS", sequenceName = "FAIRNESS_SIGN_OFF_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "FAIRNESS_SIGN_OFF_IDS")
    @Column(name = "ID", updatable = false)
    private Long id;

    @Column(name = "REPORT_ID", nullable = false, updatable = false)
    private long reportId;

    @Column(name = "MODEL_VERSION", nullable = false, updatable = false, length = StoredReport.ID_LENGTH)
    private String modelVersion;

    @Column(name = "DECISION", nullable = false, updatable = false, length = 20)
    private String decision;

    @Column(name = "DECISION_COMMENT", nullable = false, updatable = false, length = COMMENT_LENGTH)
    private String comment;

    @Column(name = "DECIDED_BY", nullable = false, updatable = false, length = StoredReport.ID_LENGTH)
    private String decidedBy;

    @Column(name = "DECIDED_AT", nullable = false, updatable = false)
    private Instant decidedAt;

    protected SignOff() {
    }

    public SignOff(StoredReport report, String decision, String comment, String decidedBy, Instant decidedAt) {
        this.reportId = report.getId();
        this.modelVersion = report.getModelVersion();
        this.decision = decision;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("sign-off " + id + " is never changed or deleted");
    }

    public Long getId() {
        return id;
    }

    public long getReportId() {
        return reportId;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
