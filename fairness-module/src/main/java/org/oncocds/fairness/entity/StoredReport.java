package org.oncocds.fairness.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A bias report as it was computed, kept for review: what it was computed from (task, model version and SHA-256,
 * SHA-256 of the input rows), how it judged (threshold, tolerances, seed, the whole request), the results as a JSON
 * document and one row per disparity verdict. Every column is insertable only: a stored report is never changed or
 * deleted by the application, and an attempt is refused before it reaches the database.
 */
@Entity
@Table(name = "FAIRNESS_REPORT", uniqueConstraints = @UniqueConstraint(name = "FAIRNESS_REPORT_VERSION", columnNames = {
        "MODEL_VERSION", "REPORT_VERSION"}))
@NamedQuery(name = StoredReport.OF_MODEL_VERSION, query = "SELECT r FROM StoredReport r WHERE r.modelVersion = "
        + ":modelVersion ORDER BY r.reportVersion DESC")
@NamedQuery(name = StoredReport.LATEST_VERSION, query = "SELECT MAX(r.reportVersion) FROM StoredReport r WHERE "
        + "r.modelVersion = :modelVersion")
public class StoredReport {

    public static final String OF_MODEL_VERSION = "StoredReport.ofModelVersion";
    public static final String LATEST_VERSION = "StoredReport.latestVersion";
    public static final int ID_LENGTH = 200;

    @Id
    @SequenceGenerator(name = "FAIRNESS_REPORT_IDS", sequenceName = "FAIRNESS_REPORT_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "FAIRNESS_REPORT_IDS")
    @Column(name = "ID", updatable = false)
    private Long id;

    @Column(name = "TASK_ID", updatable = false, length = ID_LENGTH)
    private String taskId;

    @Column(name = "MODEL_VERSION", nullable = false, updatable = false, length = ID_LENGTH)
    private String modelVersion;

    @Column(name = "MODEL_SHA256", updatable = false, length = 64)
    private String modelSha256;

    @Column(name = "REPORT_VERSION", nullable = false, updatable = false)
    private int reportVersion;

    @Column(name = "SOURCE", nullable = false, updatable = false, length = 40)
    private String source;

    @Column(name = "INPUT_SHA256", nullable = false, updatable = false, length = 64)
    private String inputSha256;

    @Column(name = "INPUT_ROWS", nullable = false, updatable = false)
    private long inputRows;

    @Column(name = "DECISION_THRESHOLD", nullable = false, updatable = false)
    private double threshold;

    @Column(name = "BOOTSTRAP_SEED", nullable = false, updatable = false)
    private long seed;

    @Column(name = "BOOTSTRAP_REPLICATES", nullable = false, updatable = false)
    private int bootstrapReplicates;

    @Column(name = "MINIMUM_GROUP_SIZE", nullable = false, updatable = false)
    private int minimumGroupSize;

    @Column(name = "TOLERANCES_JSON", nullable = false, updatable = false, length = 1000)
    private String tolerancesJson;

    @Lob
    @Column(name = "REQUEST_JSON", nullable = false, updatable = false)
    private String requestJson;

    @Lob
    @Column(name = "REPORT_JSON", nullable = false, updatable = false)
    private String reportJson;

    /** SHA-256 of {@link #reportJson} as UTF-8: what a governance record can name to pin the report's content. */
    @Column(name = "REPORT_SHA256", nullable = false, updatable = false, length = 64)
    private String reportSha256;

    @Column(name = "STORED_AT", nullable = false, updatable = false)
    private Instant storedAt;

    @Column(name = "STORED_BY", nullable = false, updatable = false, length = ID_LENGTH)
    private String storedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "FAIRNESS_REPORT_VERDICT", joinColumns = @JoinColumn(name = "REPORT_ID"))
    @OrderColumn(name = "POSITION")
    private List<MetricVerdict> verdicts = new ArrayList<>();

    protected StoredReport() {
    }

    /**
     * What a report was computed for and from. {@code taskId} and {@code modelSha256} are null for an upload of a model
     * this installation does not run.
     */
    public record Subject(String taskId, String modelVersion, String modelSha256, String source, String inputSha256,
            long inputRows) {
    }

    /** How the report judged, as stored: the full request and its key figures in their own columns. */
    public record Settings(double threshold, long seed, int bootstrapReplicates, int minimumGroupSize,
            String tolerancesJson, String requestJson) {
    }

    public static StoredReport of(Subject subject, int reportVersion, Settings settings, String reportJson,
            List<MetricVerdict> verdicts, Instant storedAt, String storedBy) {
        StoredReport report = new StoredReport();
        report.taskId = subject.taskId();
        report.modelVersion = subject.modelVersion();
        report.modelSha256 = subject.modelSha256();
        report.source = subject.source();
        report.inputSha256 = subject.inputSha256();
        report.inputRows = subject.inputRows();
        report.reportVersion = reportVersion;
        report.threshold = settings.threshold();
        report.seed = settings.seed();
        report.bootstrapReplicates = settings.bootstrapReplicates();
        report.minimumGroupSize = settings.minimumGroupSize();
        report.tolerancesJson = settings.tolerancesJson();
        report.requestJson = settings.requestJson();
        report.reportJson = reportJson;
        report.reportSha256 = sha256Hex(reportJson);
        report.verdicts = new ArrayList<>(verdicts);
        report.storedAt = storedAt;
        report.storedBy = storedBy;
        return report;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("stored bias report " + id + " is never changed or deleted");
    }

    public Long getId() {
        return id;
    }

    public Subject getSubject() {
        return new Subject(taskId, modelVersion, modelSha256, source, inputSha256, inputRows);
    }

    public Settings getSettings() {
        return new Settings(threshold, seed, bootstrapReplicates, minimumGroupSize, tolerancesJson, requestJson);
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public int getReportVersion() {
        return reportVersion;
    }

    public String getReportSha256() {
        return reportSha256;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public String getReportJson() {
        return reportJson;
    }

    public List<MetricVerdict> getVerdicts() {
        return List.copyOf(verdicts);
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public String getStoredBy() {
        return storedBy;
    }
}
