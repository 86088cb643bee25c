package org.oncocds.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * Appends a batch of recommendations in one transaction of its own with plain JDBC on the application's data source
 * (enlisted in that JTA transaction): the chain head's row locked with {@code SELECT ... FOR UPDATE} and read under the
 * lock (never from a cache, so writers on several servers serialize on it), the records built on it exactly as
 * {@link AuditRecord} builds every record (canonical form, hash, seal), inserted as one JDBC batch into the entity's
 * columns, the head moved over all of them with one UPDATE, one commit. EclipseLink's unit of work (change sets,
 * cache merges) is skipped: the records are immutable and read back by queries. Only {@link RecordWriter} calls it,
 * with records whose fields and actor were checked by the audit trail's boundary in the caller's thread.
 */
@Stateless
@PermitAll
public class BatchAppends {

    static final String LOCK_HEAD = "SELECT SEQUENCE_NUMBER, HASH FROM AUDIT_CHAIN_HEAD WHERE ID = ? FOR UPDATE";
    static final String INSERT_RECORD = "INSERT INTO AUDIT_RECORD (ID, SEQUENCE_NUMBER, PREVIOUS_HASH, HASH, SEAL, "
            + "RECORDED_AT_EPOCH_MICROS, KIND, ACTOR_NAME, ACTOR_ROLES, PATIENT_PSEUDONYM, TASK_ID, MODEL_VERSION, "
            + "MODEL_SHA256, INPUTS_JSON, OUTPUTS_JSON, REQUEST_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String MOVE_HEAD = "UPDATE AUDIT_CHAIN_HEAD SET SEQUENCE_NUMBER = ?, HASH = ? WHERE ID = ?";

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @EJB
    AuditSchema schema;

    @Inject
    RecordIds ids;

    @PostConstruct
    void schemaIsCurrent() {
        schema.ready();
    }

    /**
     * Appends the batch in order and commits it when this method returns; nothing of it is written on failure. A
     * record whose model version its check withdraws is left out: its outcome says so, and the others are written.
     *
     * @throws IllegalStateException
     *             when the database refused a statement (the transaction rolls back)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<AppendedRecord> append(List<PendingRecommendation> batch) {
        ChainSeal seal = ChainAppends.configuredSeal();
        // Asked in this transaction, once per batch: a recommendation whose model version was retired or replaced since
        // its caller chose it is left out here (its caller is told), so it is never recorded and never shown.
        boolean[] withdrawn = withdrawn(batch);
        List<PendingRecommendation> written = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!withdrawn[i]) {
                written.add(batch.get(i));
            }
        }
        Iterator<AppendedRecord> committed = written.isEmpty()
                ? Collections.emptyIterator()
                : write(seal, written)
                        .iterator();
        List<AppendedRecord> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outcomes.add(withdrawn[i] ? AppendedRecord.withdrawn(batch.get(i).modelVersion()) : committed.next());
        }
        return outcomes;
    }

    /**
     * Per record, whether its own check withdrew its model version; each check asked once, about the versions of its
     * own records (a record without a check is never withdrawn).
     */
    private static boolean[] withdrawn(List<PendingRecommendation> batch) {
        Map<VersionCheck, Map<String, String>> asked = new IdentityHashMap<>();
        for (PendingRecommendation p : batch) {
            if (p.answering() != null) {
                asked.computeIfAbsent(p.answering(), check -> new HashMap<>()).put(p.modelVersion(), p.modelSha256());
            }
        }
        Map<VersionCheck, Set<String>> answers = new IdentityHashMap<>();
        asked.forEach((check, versions) -> answers.put(check, check.withdrawn(versions)));
        boolean[] withdrawn = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            PendingRecommendation p = batch.get(i);
            withdrawn[i] = p.answering() != null && answers.get(p.answering()).contains(p.modelVersion());
        }
        return withdrawn;
    }

    private List<AppendedRecord> write(ChainSeal seal, List<PendingRecommendation> batch) {
        try (Connection connection = dataSource.getConnection()) {
            long[] recordIds = ids.next(connection, batch.size());
            ChainHead head = lockedHead(connection);
            long firstSequence = head.getSequenceNumber() + 1;
            List<AppendedRecord> appended = new ArrayList<>(batch.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD)) {
                for (int i = 0; i < batch.size(); i++) {
                    PendingRecommendation p = batch.get(i);
                    // Times are read under the lock, so the chain's order and the recorded times agree on this server.
                    AuditRecord record = AuditRecord.recommendation(head, seal::sealOf, Instant.now(), p.actor(),
                            p.patientPseudonym(), p.taskId(), p.modelVersion(), p.modelSha256(), p.inputsJson(),
                            p.outputsJson(), p.requestId());
                    bind(insert, recordIds[i], record);
                    insert.addBatch();
                    appended.add(new AppendedRecord(recordIds[i], record.getRecordedAt()));
                }
                insert.executeBatch();
            }
            moveHead(connection, head, firstSequence + batch.size() - 1);
            return appended;
        } catch (SQLException e) {
            throw new IllegalStateException("the audit batch of " + batch.size() + " records could not be written: "
                    + e.getMessage(), e);
        }
    }

    /** The chain head's row, locked until the transaction ends and read under the lock. */
    private static ChainHead lockedHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
            lock.setInt(1, ChainHead.SINGLE_ROW_ID);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the audit chain head row is missing (schema migration V4 creates "
                            + "it): nothing is recorded");
                }
                return ChainHead.at(row.getLong(1), row.getString(2));
            }
        }
    }

    private static void bind(PreparedStatement insert, long id, AuditRecord r) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, r.getSequenceNumber());
        insert.setString(3, r.getPreviousHash());
        insert.setString(4, r.getHash());
        insert.setString(5, r.getSeal());
        insert.setLong(6, r.getRecordedAtEpochMicros());
        insert.setString(7, r.getKind().name());
        insert.setString(8, r.getActorName());
        insert.setString(9, r.getActorRoles());
        insert.setString(10, r.getPatientPseudonym());
        insert.setString(11, r.getTaskId());
        insert.setString(12, r.getModelVersion());
        insert.setString(13, r.getModelSha256());
        insert.setString(14, r.getInputsJson());
        insert.setString(15, r.getOutputsJson());
        insert.setString(16, r.getRequestId());
    }

    private static void moveHead(Connection connection, ChainHead head, long expectedSequence) throws SQLException {
        if (head.getSequenceNumber() != expectedSequence) {
            throw new IllegalStateException("the chain head is at " + head.getSequenceNumber() + ", expected "
                    + expectedSequence);
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
            move.setLong(1, head.getSequenceNumber());
            move.setString(2, head.getHash());
            move.setInt(3, ChainHead.SINGLE_ROW_ID);
            if (move.executeUpdate() != 1) {
                throw new IllegalStateException("the audit chain head row could not be moved");
            }
        }
    }
}
