package org.oncocds.prediction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A background training run: what was asked, by whom, how far it got, and the version it made or why it failed. */
@Entity
@Table(name = "PREDICTION_TRAINING_JOB")
@NamedQuery(name = TrainingJobRecord.RECENT, query = "SELECT j FROM TrainingJobRecord j ORDER BY j.requestedAt DESC")
@NamedQuery(name = TrainingJobRecord.ABANDONED, query = "SELECT j FROM TrainingJobRecord j WHERE j.status IN"
        + " ('QUEUED', 'RUNNING') AND (j.heartbeatMillis IS NULL OR j.heartbeatMillis < :renewedBefore)")
@NamedQuery(name = TrainingJobRecord.RENEW, query = "UPDATE TrainingJobRecord j SET j.heartbeatMillis = :now WHERE j.id"
        + " IN :ids AND j.status IN ('QUEUED', 'RUNNING')")
public class TrainingJobRecord {

    public static final String RECENT = "TrainingJobRecord.recent";
    public static final String ABANDONED = "TrainingJobRecord.abandoned";
    public static final String RENEW = "TrainingJobRecord.renew";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TASK_ID", nullable = false, updatable = false, length = 160)
    private String taskId;

    @Column(name = "ALGORITHM", nullable = false, updatable = false, length = 40)
    private String algorithm;

    /** The options as validated, canonical JSON. */
    @Column(name = "OPTIONS_JSON", nullable = false, updatable = false, length = 4000)
    private String optionsJson;

    @Column(name = "REQUESTED_BY", nullable = false, updatable = false, length = 200)
    private String requestedBy;

    @Column(name = "REQUESTED_AT", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "STATUS", nullable = false, length = 20)
    private String status;

    @Column(name = "FOLDS_DONE", nullable = false)
    private int foldsDone;

    @Column(name = "FOLDS_TOTAL", nullable = false)
    private int foldsTotal;

    /**
     * When the server running the job last renewed its lease (epoch milliseconds by the database's clock); null before
     * migration V2.
     */
    @Column(name = "HEARTBEAT_MILLIS")
    private Long heartbeatMillis;

    @Column(name = "MODEL_VERSION", length = 200)
    private String version;

    @Column(name = "FAILURE", length = 4000)
    private String failure;

    @Column(name = "FINISHED_AT")
    private Instant finishedAt;

    protected TrainingJobRecord() {
    }

    public TrainingJobRecord(String id, String taskId, String algorithm, String optionsJson, String requestedBy,
            Instant requestedAt, int foldsTotal, long heartbeatMillis) {
        this.id = id;
        this.taskId = taskId;
        this.algorithm = algorithm;
        this.optionsJson = optionsJson;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.foldsTotal = foldsTotal;
        this.status = "QUEUED";
        this.heartbeatMillis = heartbeatMillis;
    }

    public String getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getOptionsJson() {
        return optionsJson;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getStatus() {
        return status;
    }

    public int getFoldsDone() {
        return foldsDone;
    }

    public int getFoldsTotal() {
        return foldsTotal;
    }

    public String getVersion() {
        return version;
    }

    public String getFailure() {
        return failure;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Long getHeartbeatMillis() {
        return heartbeatMillis;
    }

    /** QUEUED -> RUNNING, its lease renewed at {@code heartbeatMillis} (the database's clock). */
    public void running(long heartbeatMillis) {
        this.status = "RUNNING";
        this.heartbeatMillis = heartbeatMillis;
    }

    public void progress(int foldsDone, long heartbeatMillis) {
        this.foldsDone = foldsDone;
        this.heartbeatMillis = heartbeatMillis;
    }

    public void succeeded(String version, Instant at) {
        this.status = "SUCCEEDED";
        this.version = version;
        this.finishedAt = at;
        this.failure = null;
    }

    public void failed(String failure, Instant at) {
        this.status = "FAILED";
        this.failure = failure.length() > 4000 ? failure.substring(0, 4000) : failure;
        this.finishedAt = at;
    }
}
