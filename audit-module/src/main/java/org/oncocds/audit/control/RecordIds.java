package org.oncocds.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Record ids for the batch writer, drawn from the sequence EclipseLink uses for the records it writes itself
 * (decisions, governance records): {@code AUDIT_RECORD_SEQ} steps by {@value #BLOCK_SIZE} and each value {@code v} it
 * hands out reserves the ids {@code v - 49 .. v}, exactly as EclipseLink reads it (allocationSize 50), so the ids of
 * both writers, and of every server on the database, never collide. A sequence value is never rolled back: ids of a
 * failed batch are simply not used (ids may have gaps; the chain's order is the sequence number, which has none).
 */
@ApplicationScoped
public class RecordIds {

    /** The sequence's increment and the mapping's allocationSize. */
    static final int BLOCK_SIZE = 50;

    private long next;
    private long last = -1;
    private String nextValueSql;

    /** {@code count} unused ids, in ascending order. */
    public synchronized long[] next(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next > last) {
                long blockEnd = nextValue(connection);
                next = blockEnd - BLOCK_SIZE + 1;
                last = blockEnd;
            }
            ids[i] = next++;
        }
        return ids;
    }

    private long nextValue(Connection connection) throws SQLException {
        if (nextValueSql == null) {
            nextValueSql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? "SELECT nextval('audit_record_seq')"
                    : "SELECT NEXT VALUE FOR AUDIT_RECORD_SEQ";
        }
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(nextValueSql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
