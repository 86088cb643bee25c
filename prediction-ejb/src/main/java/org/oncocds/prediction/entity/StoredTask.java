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
import java.time.Instant;

/**
 * A prediction task an administrator added from an uploaded dataset: its definition (canonical JSON), the dataset file
 * as uploaded with its SHA-256, and who added it when. Never changed after it is stored.
 */
@Entity
@Table(name = "PREDICTION_TASK", uniqueConstraints = @UniqueConstraint(name = "PREDICTION_TASK_ID", columnNames = "TASK_ID"))
@NamedQuery(name = StoredTask.DEFINITIONS, query = "SELECT t.taskId, t.definitionJson FROM StoredTask t ORDER BY t.id")
@NamedQuery(name = StoredTask.DEFINITION, query = "SELECT t.definitionJson FROM StoredTask t WHERE t.taskId = :taskId")
@NamedQuery(name = StoredTask.BY_TASK_ID, query = "SELECT t FROM StoredTask t WHERE t.taskId = :taskId")
public class StoredTask {

    public static final String DEFINITIONS = "StoredTask.definitions";
    public static final String DEFINITION = "StoredTask.definition";
    public static final String BY_TASK_ID = "StoredTask.byTaskId";

    @Id
    @SequenceGenerator(name = "PREDICTION_TASK_IDS", sequenceName = "PREDICTION_TASK_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "PREDICTION_TASK_IDS")
    @Column(name = "ID", updatable = false)
    private Long id;

    @Column(name = "TASK_ID", nullable = false, updatable = false, length = 60)
    private String taskId;

    /** The definition as canonical JSON (keys sorted, no whitespace). */
    @Lob
    @Column(name = "DEFINITION_JSON", nullable = false, updatable = false)
    private String definitionJson;

    @Column(name = "FILE_NAME", nullable = false, updatable = false, length = 255)
    private String fileName;

    /** The dataset file's bytes as uploaded (CSV or ARFF, UTF-8). */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "DATASET_BYTES", nullable = false, updatable = false)
    private byte[] datasetBytes;

    @Column(name = "DATASET_SHA256", nullable = false, updatable = false, length = 64)
    private String datasetSha256;

    @Column(name = "DATA_ROWS", nullable = false, updatable = false)
    private int dataRows;

    @Column(name = "LABELLED_ROWS", nullable = false, updatable = false)
    private int labelledRows;

    @Column(name = "ADDED_BY", nullable = false, updatable = false, length = 255)
    private String addedBy;

    @Column(name = "ADDED_AT", nullable = false, updatable = false)
    private Instant addedAt;

    protected StoredTask() {
    }

    public StoredTask(String taskId, String definitionJson, String fileName, byte[] datasetBytes, String datasetSha256,
            int dataRows, int labelledRows, String addedBy, Instant addedAt) {
        this.taskId = taskId;
        this.definitionJson = definitionJson;
        this.fileName = fileName;
        this.datasetBytes = datasetBytes.clone();
        this.datasetSha256 = datasetSha256;
        this.dataRows = dataRows;
        this.labelledRows = labelledRows;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getDefinitionJson() {
        return definitionJson;
    }

    public String getFileName() {
        return fileName;
    }

    public byte[] getDatasetBytes() {
        return datasetBytes.clone();
    }

    public String getDatasetSha256() {
        return datasetSha256;
    }

    public int getDataRows() {
        return dataRows;
    }

    public int getLabelledRows() {
        return labelledRows;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
