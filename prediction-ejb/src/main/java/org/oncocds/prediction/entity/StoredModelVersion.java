package org.oncocds.prediction.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One trained model version of a task: what it is (algorithm, options, Weka version), what it was trained on and by
 * whom, its cross-validation, its model card, its serialized model and bootstrap models with their SHA-256, and where
 * it stands in its lifecycle.
 * <p>
 * {@code ACTIVE_TASK} holds the task id while the version is ACTIVE and is null otherwise; its unique constraint is the
 * database's guarantee that a task never has two ACTIVE versions, whatever the application does.
 */
@Entity
@Table(name = "PREDICTION_MODEL_VERSION", uniqueConstraints = {
        @UniqueConstraint(name = "PREDICTION_MODEL_VERSION_NAME", columnNames = "MODEL_VERSION"),
        @UniqueConstraint(name = "PREDICTION_MODEL_VERSION_NUMBER", columnNames = {"TASK_ID", "VERSION_NUMBER"}),
        @UniqueConstraint(name = "PREDICTION_ONE_ACTIVE_PER_TASK", columnNames = "ACTIVE_TASK")})
@NamedQuery(name = StoredModelVersion.OF_TASK, query = "SELECT v FROM StoredModelVersion v WHERE v.taskId = :taskId"
        + " ORDER BY v.number DESC")
@NamedQuery(name = StoredModelVersion.BY_VERSION, query = "SELECT v FROM StoredModelVersion v WHERE v.version ="
        + " :version")
@NamedQuery(name = StoredModelVersion.ACTIVE, query = "SELECT v FROM StoredModelVersion v WHERE v.activeTask ="
        + " :taskId")
@NamedQuery(name = StoredModelVersion.LATEST_NUMBER, query = "SELECT MAX(v.number) FROM StoredModelVersion v WHERE"
        + " v.taskId = :taskId")
@NamedQuery(name = StoredModelVersion.EVER_APPROVED, query = "SELECT COUNT(v) FROM StoredModelVersion v WHERE"
        + " v.taskId = :taskId AND v.approvedAt IS NOT NULL")
public class StoredModelVersion {

    public static final String OF_TASK = "StoredModelVersion.ofTask";
    public static final String BY_VERSION = "StoredModelVersion.byVersion";
    public static final String ACTIVE = "StoredModelVersion.active";
    public static final String LATEST_NUMBER = "StoredModelVersion.latestNumber";
    public static final String EVER_APPROVED = "StoredModelVersion.everApproved";

    @Id
    @SequenceGenerator(name = "PREDICTION_MODEL_VERSION_IDS", sequenceName = "PREDICTION_MODEL_VERSION_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "PREDICTION_MODEL_VERSION_IDS")
    @Column(name = "ID", updatable = false)
    private Long id;

    /** Optimistic lock: two administrators changing one version at once cannot both win. */
    @Version
    @Column(name = "ROW_VERSION")
    private long rowVersion;

    @Column(name = "MODEL_VERSION", nullable = false, updatable = false, length = 200)
    private String version;

    @Column(name = "TASK_ID", nullable = false, updatable = false, length = 160)
    private String taskId;

    @Column(name = "VERSION_NUMBER", nullable = false, updatable = false)
    private int number;

    @Column(name = "STATE", nullable = false, length = 20)
    private String state;

    @Column(name = "ACTIVE_TASK", length = 160)
    private String activeTask;

    @Column(name = "ALGORITHM", nullable = false, updatable = false, length = 200)
    private String algorithm;

    @Column(name = "ALGORITHM_OPTIONS", nullable = false, updatable = false, length = 4000)
    private String options;

    @Column(name = "WEKA_VERSION", nullable = false, updatable = false, length = 40)
    private String wekaVersion;

    @Column(name = "MODEL_SHA256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "BOOTSTRAP_SHA256", nullable = false, updatable = false, length = 64)
    private String bootstrapSha256;

    @Column(name = "TRAINING_DATA_SHA256", nullable = false, updatable = false, length = 64)
    private String trainingDataSha256;

    @Column(name = "TRAINING_ROWS", nullable = false, updatable = false)
    private int trainingRows;

    @Column(name = "TRAINED_BY", nullable = false, updatable = false, length = 200)
    private String trainedBy;

    @Column(name = "TRAINED_AT", nullable = false, updatable = false)
    private Instant trainedAt;

    @Column(name = "CV_FOLDS", nullable = false, updatable = false)
    private int cvFolds;

    @Column(name = "CV_SEED", nullable = false, updatable = false)
    private long cvSeed;

    @Column(name = "CV_AUC", updatable = false)
    private Double cvAuc;

    @Column(name = "CV_BRIER", updatable = false)
    private Double cvBrier;

    @Column(name = "CV_ACCURACY", updatable = false)
    private Double cvAccuracy;

    @Column(name = "CV_CALIBRATION_IN_THE_LARGE", updatable = false)
    private Double cvCalibrationInTheLarge;

    @Column(name = "CV_CALIBRATION_SLOPE", updatable = false)
    private Double cvCalibrationSlope;

    /** Every out-of-fold prediction as canonical JSON: {@code [{"attributes":{...},"label":1,"risk":0.41},...]}. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CV_PREDICTIONS_JSON", nullable = false, updatable = false)
    private String cvPredictionsJson;

    @Column(name = "CARD_DATA_SOURCE", nullable = false, updatable = false, length = 2000)
    private String cardDataSource;

    @Column(name = "CARD_OUTCOME", nullable = false, updatable = false, length = 2000)
    private String cardOutcome;

    @Column(name = "CARD_EXCLUSIONS", nullable = false, updatable = false, length = 2000)
    private String cardExclusions;

    @Column(name = "CARD_PREDICTORS", nullable = false, updatable = false, length = 4000)
    private String cardPredictors;

    @Column(name = "CARD_MISSING_DATA", nullable = false, updatable = false, length = 2000)
    private String cardMissingData;

    @Column(name = "CARD_PERFORMANCE", nullable = false, updatable = false, length = 2000)
    private String cardPerformance;

    @Column(name = "CARD_INTENDED_USE", nullable = false, updatable = false, length = 2000)
    private String cardIntendedUse;

    @Column(name = "CARD_LIMITATIONS", nullable = false, updatable = false, length = 4000)
    private String cardLimitations;

    /** The model and its training header as {@code SerializationHelper.writeAll} writes them. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "MODEL_BYTES", nullable = false, updatable = false)
    private byte[] modelBytes;

    /** The bootstrap models (the uncertainty intervals), Java-serialized as one array. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "BOOTSTRAP_BYTES", nullable = false, updatable = false)
    private byte[] bootstrapBytes;

    @Column(name = "APPROVED_AT")
    private Instant approvedAt;

    @Column(name = "APPROVED_BY", length = 200)
    private String approvedBy;

    @Column(name = "BIAS_REPORT_ID")
    private Long biasReportId;

    @Column(name = "STATE_CHANGED_AT", nullable = false)
    private Instant stateChangedAt;

    @Column(name = "STATE_CHANGED_BY", nullable = false, length = 200)
    private String stateChangedBy;

    public Long getId() {
        return id;
    }

    public String getVersion() {
        return version;
    }

    public String getTaskId() {
        return taskId;
    }

    public int getNumber() {
        return number;
    }

    /** Names the version {@code <taskId>/<number>}. */
    public void setVersion(String taskId, int number) {
        this.taskId = taskId;
        this.number = number;
        this.version = taskId + "/" + number;
    }

    public String getState() {
        return state;
    }

    /** Moves to a state; {@code ACTIVE_TASK} follows it (the task id exactly while ACTIVE). */
    public void setState(String state, String by, Instant at) {
        this.state = state;
        this.activeTask = "ACTIVE".equals(state) ? taskId : null;
        this.stateChangedBy = by;
        this.stateChangedAt = at;
    }

    public String getActiveTask() {
        return activeTask;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getOptions() {
        return options;
    }

    public String getWekaVersion() {
        return wekaVersion;
    }

    public void setAlgorithm(String algorithm, String options, String wekaVersion) {
        this.algorithm = algorithm;
        this.options = options;
        this.wekaVersion = wekaVersion;
    }

    public String getSha256() {
        return sha256;
    }

    public String getBootstrapSha256() {
        return bootstrapSha256;
    }

    public byte[] getModelBytes() {
        return modelBytes;
    }

    public byte[] getBootstrapBytes() {
        return bootstrapBytes;
    }

    public void setModel(byte[] modelBytes, String sha256, byte[] bootstrapBytes, String bootstrapSha256) {
        this.modelBytes = modelBytes;
        this.sha256 = sha256;
        this.bootstrapBytes = bootstrapBytes;
        this.bootstrapSha256 = bootstrapSha256;
    }

    public String getTrainingDataSha256() {
        return trainingDataSha256;
    }

    public int getTrainingRows() {
        return trainingRows;
    }

    public String getTrainedBy() {
        return trainedBy;
    }

    public Instant getTrainedAt() {
        return trainedAt;
    }

    public void setTraining(String trainingDataSha256, int trainingRows, String trainedBy, Instant trainedAt) {
        this.trainingDataSha256 = trainingDataSha256;
        this.trainingRows = trainingRows;
        this.trainedBy = trainedBy;
        this.trainedAt = trainedAt;
    }

    public int getCvFolds() {
        return cvFolds;
    }

    public long getCvSeed() {
        return cvSeed;
    }

    public Double getCvAuc() {
        return cvAuc;
    }

    public Double getCvBrier() {
        return cvBrier;
    }

    public Double getCvAccuracy() {
        return cvAccuracy;
    }

    public Double getCvCalibrationInTheLarge() {
        return cvCalibrationInTheLarge;
    }

    public Double getCvCalibrationSlope() {
        return cvCalibrationSlope;
    }

    public String getCvPredictionsJson() {
        return cvPredictionsJson;
    }

    public void setCrossValidation(int folds, long seed, Double auc, Double brier, Double accuracy,
            Double calibrationInTheLarge, Double calibrationSlope, String predictionsJson) {
        this.cvFolds = folds;
        this.cvSeed = seed;
        this.cvAuc = auc;
        this.cvBrier = brier;
        this.cvAccuracy = accuracy;
        this.cvCalibrationInTheLarge = calibrationInTheLarge;
        this.cvCalibrationSlope = calibrationSlope;
        this.cvPredictionsJson = predictionsJson;
    }

    /** The model card, in the order of the TRIPOD+AI items it answers. */
    public String[] getCard() {
        return new String[]{cardDataSource, cardOutcome, cardExclusions, cardPredictors, cardMissingData,
                cardPerformance, cardIntendedUse, cardLimitations};
    }

    public void setCard(String dataSource, String outcome, String exclusions, String predictors, String missingData,
            String performance, String intendedUse, String limitations) {
        this.cardDataSource = dataSource;
        this.cardOutcome = outcome;
        this.cardExclusions = exclusions;
        this.cardPredictors = predictors;
        this.cardMissingData = missingData;
        this.cardPerformance = performance;
        this.cardIntendedUse = intendedUse;
        this.cardLimitations = limitations;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Long getBiasReportId() {
        return biasReportId;
    }

    public void setApproval(long biasReportId, String by, Instant at) {
        this.biasReportId = biasReportId;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    public Instant getStateChangedAt() {
        return stateChangedAt;
    }

    public String getStateChangedBy() {
        return stateChangedBy;
    }
}
