package org.oncocds.audit.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.oncocds.audit.control.CsvExport;
import org.oncocds.audit.control.FhirAuditEventExport;
import org.oncocds.audit.control.RecordCriteria;
import org.oncocds.audit.control.RecordFields;
import org.oncocds.audit.control.RecordSearch;
import org.oncocds.audit.entity.AuditKind;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Review and export of the audit trail for compliance officers: search by time range, user, patient pseudonym, task,
 * model version, decision and record kind, newest first with keyset pagination; export of a filtered selection as CSV
 * or as a FHIR R4 Bundle of AuditEvent resources, streamed. Every export, finished or not, is itself recorded as an
 * {@code EXPORT} governance record naming who exported, the filter and how many rows were written.
 */
@DeclareRoles({"clinician", "compliance-officer", "admin"})
@RolesAllowed("compliance-officer")
@Stateless
public class AuditSearch {

    /** The largest page a search returns. */
    public static final int MAX_PAGE_SIZE = 500;
    /** How many rows an export reads from the database at a time. */
    static final int EXPORT_PAGE_SIZE = 500;

    @Inject
    RecordSearch records;

    @EJB
    GovernanceLog governanceLog;

    /**
     * One page of records matching {@code query}, newest first.
     *
     * @param after
     *            where to continue ({@link AuditPage#next()} of the previous page); null for the first page
     * @param pageSize
     *            1 to {@value #MAX_PAGE_SIZE}
     * @throws IllegalArgumentException
     *             naming {@code query}, {@code pageSize} or the query component at fault
     */
    public AuditPage search(AuditQuery query, AuditCursor after, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        RecordCriteria criteria = criteria(query);
        RecordSearch.Position position = null;
        if (after != null) {
            position = criteria.hasTimeRange()
                    ? records.positionOf(after.sequenceNumber(), after.recordId())
                    : new RecordSearch.Position(after.sequenceNumber(), null);
        }
        List<AuditRecord> page = records.page(criteria, position, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<AuditRecord> shown = more ? page.subList(0, pageSize) : page;
        Map<Long, AuditRecord> decisions = records.decisionsOf(RecordSearch.recommendationIds(shown));
        List<AuditRow> rows = shown.stream().map(r -> row(r, decisions.get(r.getId()))).toList();
        AuditRecord last = more ? shown.get(shown.size() - 1) : null;
        return new AuditPage(rows, last == null ? null : new AuditCursor(last.getSequenceNumber(), last.getId()));
    }

    /**
     * Writes every record matching {@code query} as CSV (UTF-8, RFC 4180, header line; see {@link CsvExport}) to
     * {@code out}, newest first, then records the export. Runs outside any transaction so a long export holds no lock;
     * the stream is flushed, not closed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long exportCsv(AuditQuery query, OutputStream out) {
        RecordCriteria criteria = criteria(query);
        return exported(query, "csv", rows -> {
            CsvExport csv = new CsvExport(out);
            stream(criteria, csv::write, rows);
            csv.close();
        });
    }

    /**
     * Writes every record matching {@code query} as a FHIR R4 Bundle of AuditEvent resources in JSON (see
     * {@link FhirAuditEventExport} for the mapping) to {@code out}, newest first, then records the export. Runs outside
     * any transaction; the stream is flushed, not closed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long exportFhirBundle(AuditQuery query, OutputStream out) {
        RecordCriteria criteria = criteria(query);
        return exported(query, "fhir-r4-auditevent-bundle", rows -> {
            FhirAuditEventExport fhir = new FhirAuditEventExport(out, Instant.now());
            stream(criteria, fhir::write, rows);
            fhir.close();
        });
    }

    private void stream(RecordCriteria criteria, BiConsumer<AuditRecord, AuditRecord> sink, AtomicLong written) {
        RecordSearch.Position after = null;
        while (true) {
            List<AuditRecord> page = records.page(criteria, after, EXPORT_PAGE_SIZE);
            Map<Long, AuditRecord> decisions = records.decisionsOf(RecordSearch.recommendationIds(page));
            for (AuditRecord record : page) {
                sink.accept(record, decisions.get(record.getId()));
                written.incrementAndGet();
            }
            if (page.size() < EXPORT_PAGE_SIZE) {
                return;
            }
            after = RecordSearch.Position.of(page.get(page.size() - 1));
        }
    }

    private interface Export {
        void run(AtomicLong rows);
    }

    /**
     * Runs an export and records it, finished or failed (a failed export may have disclosed rows already); the record
     * names the filter, the format, the rows written and whether the export completed.
     */
    private long exported(AuditQuery query, String format, Export export) {
        Map<String, String> details = filterDetails(query);
        details.put("format", format);
        AtomicLong rows = new AtomicLong();
        boolean completed = false;
        try {
            export.run(rows);
            completed = true;
            return rows.get();
        } finally {
            details.put("rows", Long.toString(rows.get()));
            details.put("completed", Boolean.toString(completed));
            governanceLog.record(new GovernanceEvent(null, GovernanceAction.EXPORT, "audit-export", details));
        }
    }

    private static Map<String, String> filterDetails(AuditQuery query) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "from", query.from());
        put(details, "toExclusive", query.toExclusive());
        put(details, "actorName", query.actorName());
        put(details, "patientPseudonym", query.patientPseudonym());
        put(details, "taskId", query.taskId());
        put(details, "modelVersion", query.modelVersion());
        put(details, "decision", query.decision());
        put(details, "kind", query.kind());
        return details;
    }

    private static void put(Map<String, String> details, String key, Object value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    /** The query checked and in the stored rows' terms. */
    static RecordCriteria criteria(AuditQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("query is required (AuditQuery.any() matches everything)");
        }
        if (query.from() != null && query.toExclusive() != null && !query.from().isBefore(query.toExclusive())) {
            throw new IllegalArgumentException("from must be before toExclusive");
        }
        String pseudonym = query.patientPseudonym();
        if (pseudonym != null && !pseudonym.equals(RecordFields.requireSha256Hex("patientPseudonym", pseudonym))) {
            throw new IllegalArgumentException("patientPseudonym must be lower-case hex as PatientPseudonyms makes it");
        }
        return new RecordCriteria(micros(query.from()), micros(query.toExclusive()), optional("actorName", query
                .actorName()), pseudonym, optional("taskId", query.taskId()), optional("modelVersion",
                        query
                                .modelVersion()),
                query.decision() == null ? null : query.decision().name(),
                query.kind() == null ? null : AuditKind.valueOf(query.kind().name()));
    }

    private static String optional(String field, String value) {
        return value == null || value.isBlank()
                ? null
                : RecordFields.requireText(field, value.strip(),
                        AuditRecord.NAME_LENGTH);
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static AuditRow row(AuditRecord r, AuditRecord decisionOnIt) {
        return new AuditRow(r.getId(), r.getSequenceNumber(), r.getRecordedAt(), RecordKind.valueOf(r.getKind()
                .name()), r.getActorName(), r.getActorRoles(), r.getRequestId(), r.getPatientPseudonym(), r
                        .getTaskId(),
                r.getModelVersion(), r.getModelSha256(), r.getAction(), r.getSubject(), r
                        .getInputsJson(),
                r.getOutputsJson(), r.getDecidesRecordId(), r.getDecision(), r
                        .getChosenOption(),
                r.getDecisionReason(), decisionOnIt == null
                        ? null
                        : AuditTrail.toDecision(decisionOnIt));
    }
}
