package org.oncocds.audit.it;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.oncocds.audit.entity.AuditRecord;
import org.oncocds.audit.entity.ChainHead;

/**
 * Rewrites the chain as someone with write access to the database but without the seal key could: changes a record,
 * then recomputes its hash and the predecessor hash and hash of every later record and the chain head, with the
 * documented canonical form. Every hash link is then valid again; only the seals give the rewrite away.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChainForger {

    @PersistenceContext(unitName = "oncocds-audit")
    EntityManager entityManager;

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    /** Sets the record's outputs document and recomputes every hash from it on. */
    public void rewrite(long recordId, String outputsJson) throws SQLException, ReflectiveOperationException {
        try (Connection connection = DatabaseAdministrator.connection(dataSource)) {
            execute(connection, "UPDATE AUDIT_RECORD SET OUTPUTS_JSON = ? WHERE ID = ?", outputsJson, recordId);
            List<AuditRecord> fromThereOn = entityManager.createQuery(
                    "SELECT r FROM AuditRecord r WHERE r.sequenceNumber >= "
                            + "(SELECT s.sequenceNumber FROM AuditRecord s WHERE s.id = :id) ORDER BY r.sequenceNumber",
                    AuditRecord.class)
                    .setParameter("id", recordId)
                    .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                    .getResultList();
            Field previousHash = AuditRecord.class.getDeclaredField("previousHash");
            previousHash.setAccessible(true);
            String previous = fromThereOn.get(0).getPreviousHash();
            for (AuditRecord record : fromThereOn) {
                previousHash.set(record, previous);
                String hash = record.recomputeHash();
                execute(connection, "UPDATE AUDIT_RECORD SET PREVIOUS_HASH = ?, HASH = ? WHERE ID = ?", previous, hash,
                        record.getId());
                previous = hash;
            }
            moveHead(connection, "UPDATE AUDIT_CHAIN_HEAD SET HASH = ? WHERE ID = 1", previous);
        }
    }

    /**
     * On PostgreSQL a trigger keeps the head from being set to anything but the next record; the owner (and so the
     * forger) can switch it off for the moment, as the tables' owner is allowed to.
     */
    /** Deletes the newest records and sets the chain head back to the last one left: a clean cut of the tail. */
    public void cutTail(int count) throws SQLException {
        try (Connection connection = DatabaseAdministrator.connection(dataSource)) {
            long keep = headSequenceNumber(connection) - count;
            String keptHash = ChainHead.GENESIS_HASH;
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT HASH FROM AUDIT_RECORD WHERE SEQUENCE_NUMBER = ?")) {
                select.setLong(1, keep);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        keptHash = row.getString(1);
                    }
                }
            }
            execute(connection, "DELETE FROM AUDIT_RECORD WHERE SEQUENCE_NUMBER > ?", keep);
            moveHead(connection, "UPDATE AUDIT_CHAIN_HEAD SET SEQUENCE_NUMBER = ?, HASH = ? WHERE ID = 1", keep,
                    keptHash);
        }
    }

    private static long headSequenceNumber(Connection connection) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("SELECT SEQUENCE_NUMBER FROM AUDIT_CHAIN_HEAD WHERE ID = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void moveHead(Connection connection, String update, Object... values) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        if (postgres) {
            execute(connection, "ALTER TABLE audit_chain_head DISABLE TRIGGER USER");
        }
        try {
            execute(connection, update, values);
        } finally {
            if (postgres) {
                execute(connection, "ALTER TABLE audit_chain_head ENABLE TRIGGER USER");
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
