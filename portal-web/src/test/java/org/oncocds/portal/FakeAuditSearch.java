package org.oncocds.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.oncocds.audit.boundary.AuditCursor;
import org.oncocds.audit.boundary.AuditPage;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.AuditRow;
import org.oncocds.audit.boundary.AuditSearch;

/** The audit search without a container: pages over a list (newest first) and remembers what it was asked. */
public class FakeAuditSearch extends AuditSearch {

    public final List<AuditRow> rows = new ArrayList<>();
    public final List<AuditQuery> queries = new ArrayList<>();
    public AuditCursor lastCursor;
    public String exported;

    @Override
    public AuditPage search(AuditQuery query, AuditCursor after, int pageSize) {
        queries.add(query);
        lastCursor = after;
        List<AuditRow> older = rows.stream().filter(row -> after == null || row.sequenceNumber() < after
                .sequenceNumber()).toList();
        List<AuditRow> page = older.stream().limit(pageSize).toList();
        AuditRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new AuditPage(page, older.size() > pageSize ? new AuditCursor(last.sequenceNumber(), last.id()) : null);
    }

    @Override
    public long exportCsv(AuditQuery query, OutputStream out) {
        return write("csv", query, out);
    }

    @Override
    public long exportFhirBundle(AuditQuery query, OutputStream out) {
        return write("fhir", query, out);
    }

    private long write(String format, AuditQuery query, OutputStream out) {
        queries.add(query);
        exported = format;
        try {
            out.write(format.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.size();
    }
}
