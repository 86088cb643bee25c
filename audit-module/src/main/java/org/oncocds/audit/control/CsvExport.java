package org.oncocds.audit.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Writes audit records as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled), UTF-8, one header line. A field starting with {@code = + - @}, a tab or a carriage return is
 * prefixed with an apostrophe, so a spreadsheet opening the file never runs a record's free text as a formula (CSV
 * injection); the apostrophe is the only change to any value.
 */
public final class CsvExport implements AutoCloseable {

    static final List<String> HEADER = List.of("id", "sequenceNumber", "recordedAt", "kind", "actorName",
            "actorRoles", "requestId", "patientPseudonym", "taskId", "modelVersion", "modelSha256", "action", "subject",
            "decidesRecordId", "decision", "chosenOption", "decisionReason", "decisionOnIt", "decisionOnItRecordId",
            "inputsJson", "outputsJson", "hash");

    private final Writer out;

    public CsvExport(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        line(HEADER);
    }

    /** One record; {@code decisionOnIt} is the decision on a recommendation, or null. */
    public void write(AuditRecord r, AuditRecord decisionOnIt) {
        List<String> fields = new ArrayList<>(HEADER.size());
        fields.add(String.valueOf(r.getId()));
        fields.add(String.valueOf(r.getSequenceNumber()));
        fields.add(r.getRecordedAt().toString());
        fields.add(r.getKind().name());
        fields.add(r.getActorName());
        fields.add(r.getActorRoles());
        fields.add(r.getRequestId());
        fields.add(r.getPatientPseudonym());
        fields.add(r.getTaskId());
        fields.add(r.getModelVersion());
        fields.add(r.getModelSha256());
        fields.add(r.getAction());
        fields.add(r.getSubject());
        fields.add(r.getDecidesRecordId() == null ? null : r.getDecidesRecordId().toString());
        fields.add(r.getDecision());
        fields.add(r.getChosenOption());
        fields.add(r.getDecisionReason());
        fields.add(decisionOnIt == null ? null : decisionOnIt.getDecision());
        fields.add(decisionOnIt == null ? null : decisionOnIt.getId().toString());
        fields.add(r.getInputsJson());
        fields.add(r.getOutputsJson());
        fields.add(r.getHash());
        line(fields);
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as CSV: empty for null, neutralised against formulas, quoted when it must be. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
