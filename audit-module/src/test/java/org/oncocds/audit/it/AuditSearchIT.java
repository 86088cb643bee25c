package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditCursor;
import org.oncocds.audit.boundary.AuditPage;
import org.oncocds.audit.boundary.AuditQuery;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.AuditRow;
import org.oncocds.audit.boundary.DecisionEvent;
import org.oncocds.audit.boundary.DecisionFilter;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;
import org.oncocds.audit.boundary.RecordKind;

/** Search, keyset pagination and exports for compliance officers. */
@ExtendWith(ArquillianExtension.class)
class AuditSearchIT {

    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("audit-search-it.war");
    }

    @EJB
    ClinicianSession clinician;

    @EJB
    OtherClinicianSession otherClinician;

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @Inject
    PatientPseudonyms pseudonyms;

    @Test
    void cursorVisitsEveryRowExactlyOnceWhileNewRowsAreAppended() {
        String taskId = "paging-" + UUID.randomUUID();
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            existing.add(clinician.record(event(taskId, "MRN-P" + i, "v1")).recordId());
        }
        AuditQuery query = AuditQuery.any().ofTask(taskId);

        List<Long> seen = new ArrayList<>();
        List<Long> appendedMeanwhile = new ArrayList<>();
        AuditCursor cursor = null;
        int pages = 0;
        do {
            AuditPage page = complianceOfficer.search(query, cursor, 4);
            page.rows().forEach(row -> seen.add(row.id()));
            cursor = page.next();
            pages++;
            appendedMeanwhile.add(clinician.record(event(taskId, "MRN-Q" + pages, "v1")).recordId());
        } while (cursor != null);

        List<Long> newestFirst = new ArrayList<>(existing);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "every row once, newest first, none of those appended while paging");
        assertEquals(6, pages);
        List<Long> firstPageNow = complianceOfficer.search(query, null, 2).rows().stream().map(AuditRow::id).toList();
        assertEquals(List.of(appendedMeanwhile.get(5), appendedMeanwhile.get(4)), firstPageNow,
                "a new search starts at the newest rows");
        assertEquals(cursor, null);
        AuditCursor parsed = AuditCursor.parse(new AuditCursor(12, 34).asText());
        assertEquals(new AuditCursor(12, 34), parsed);
    }

    @Test
    void aTimeRangeIsPagedByRecordedTimeVisitingEveryRowOnceWhileNewRowsAreAppended() {
        String taskId = "time-paging-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(1);
        List<AuditReceipt> existing = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            existing.add(clinician.record(event(taskId, "MRN-T" + i, "v1")));
        }
        AuditQuery query = AuditQuery.any().ofTask(taskId).between(start, Instant.now().plusSeconds(3600));

        List<Long> seen = new ArrayList<>();
        AuditCursor cursor = null;
        do {
            AuditPage page = complianceOfficer.search(query, cursor, 2);
            page.rows().forEach(row -> seen.add(row.id()));
            cursor = page.next();
            clinician.record(event(taskId, "MRN-U" + seen.size(), "v1"));
        } while (cursor != null);

        List<Long> newestFirst = new ArrayList<>(existing.stream().map(AuditReceipt::recordId).toList());
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "every row of the range once, newest first, none appended while paging");
        List<AuditRow> middle = complianceOfficer.search(AuditQuery.any().ofTask(taskId).between(existing.get(2)
                .recordedAt(), existing.get(6).recordedAt()), null, 10).rows();
        assertEquals(List.of(existing.get(5).recordId(), existing.get(4).recordId(), existing.get(3).recordId(),
                existing.get(2).recordId()), middle.stream().map(AuditRow::id).toList(),
                "from inclusive, to exclusive");
        Causes.assertCausedBy(IllegalArgumentException.class, "cursor", () -> complianceOfficer.search(query,
                new AuditCursor(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1), 2));
    }

    @Test
    void filtersSelectByUserPatientModelDecisionKindAndTime() {
        String taskId = "filters-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(1);
        AuditReceipt accepted = clinician.record(event(taskId, "MRN-F1", "v1"));
        AuditReceipt overridden = clinician.record(event(taskId, "MRN-F2", "v2"));
        AuditReceipt undecided = clinician.record(event(taskId, "MRN-F1", "v2"));
        AuditReceipt byOther = otherClinician.record(event(taskId, "MRN-F3", "v1"));
        AuditReceipt acceptance = clinician.decide(DecisionEvent.accepted(UUID.randomUUID().toString(), accepted
                .recordId()));
        clinician.decide(DecisionEvent.overridden(UUID.randomUUID().toString(), overridden.recordId(), "Obs",
                "declined"));
        AuditQuery task = AuditQuery.any().ofTask(taskId);

        assertEquals(List.of(byOther.recordId()), ids(task.byActor("it-other-clinician")));
        assertEquals(List.of(acceptance.recordId(), undecided.recordId(), accepted.recordId()), ids(task.ofPatient(
                pseudonyms.pseudonymOf("MRN-F1"))), "the decision repeats the recommendation's patient");
        assertEquals(List.of(undecided.recordId(), overridden.recordId()), ids(task.ofModelVersion(taskId + "/v2")
                .ofKind(RecordKind.RECOMMENDATION)));
        assertEquals(List.of(accepted.recordId()), ids(task.withDecision(DecisionFilter.ACCEPTED)));
        assertEquals(List.of(overridden.recordId()), ids(task.withDecision(DecisionFilter.OVERRIDDEN)));
        assertEquals(List.of(byOther.recordId(), undecided.recordId()), ids(task.withDecision(DecisionFilter.NONE)));
        assertEquals(List.of(), ids(task.withDecision(DecisionFilter.NONE).ofKind(RecordKind.DECISION)));
        assertEquals(2, ids(task.ofKind(RecordKind.DECISION)).size());
        assertEquals(List.of(), ids(task.between(start.minusSeconds(3600), start)));
        assertEquals(6, ids(task.between(start, Instant.now().plusSeconds(1))).size());
        assertEquals(List.of(), ids(task.between(accepted.recordedAt(), accepted.recordedAt().plusNanos(1000))
                .byActor("it-other-clinician")));

        AuditRow row = complianceOfficer.search(task.withDecision(DecisionFilter.ACCEPTED), null, 10).rows().get(0);
        assertEquals(RecordKind.RECOMMENDATION, row.kind());
        assertEquals(acceptance.recordId(), row.decisionOnIt().recordId());
        assertEquals("it-clinician", row.actorName());
    }

    @Test
    void governanceRecordsAreSearchableByKind() {
        String subject = "model search-" + UUID.randomUUID();
        clinician.govern(new GovernanceEvent(null, GovernanceAction.MODEL_STATE_CHANGED, subject, Map.of("to",
                "ACTIVE")));
        AuditRow row = complianceOfficer.search(AuditQuery.any().ofKind(RecordKind.GOVERNANCE).byActor(
                "it-clinician"), null, 1).rows().get(0);
        assertEquals(subject, row.subject());
        assertEquals("MODEL_STATE_CHANGED", row.action());
        assertNull(row.patientPseudonym());
    }

    @Test
    void csvExportHoldsTheSelectionAndIsRecorded() {
        String taskId = "csv-" + UUID.randomUUID();
        clinician.record(event(taskId, "MRN-C1", "v1"));
        clinician.record(event(taskId, "MRN-C2", "v1"));
        AuditQuery query = AuditQuery.any().ofTask(taskId);

        byte[] csv = complianceOfficer.exportCsv(query);

        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("id,sequenceNumber,recordedAt,kind,actorName"), lines[0]);
        assertTrue(lines[1].contains(taskId) && lines[1].contains("RECOMMENDATION"), lines[1]);
        assertTrue(lines[1].contains("\"{\"\"age\"\":61}\""), "JSON quoted as RFC 4180 says: " + lines[1]);
        AuditRow export = lastExport();
        assertEquals("it-compliance-officer", export.actorName());
        assertTrue(export.inputsJson().contains("\"format\":\"csv\""), export.inputsJson());
        assertTrue(export.inputsJson().contains("\"rows\":\"2\""), export.inputsJson());
        assertTrue(export.inputsJson().contains("\"taskId\":\"" + taskId + "\""), export.inputsJson());
        assertTrue(export.inputsJson().contains("\"completed\":\"true\""), export.inputsJson());
    }

    @Test
    void fhirExportIsABundleOfAuditEventsAndIsRecorded() {
        String taskId = "fhir-" + UUID.randomUUID();
        AuditReceipt recommendation = clinician.record(event(taskId, "MRN-R1", "v3"));
        clinician.decide(DecisionEvent.overridden(UUID.randomUUID().toString(), recommendation.recordId(), "Obs",
                "frail"));

        byte[] json = complianceOfficer.exportFhir(AuditQuery.any().ofTask(taskId));

        JsonObject bundle = Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))
                .readObject();
        assertEquals("Bundle", bundle.getString("resourceType"));
        assertEquals("collection", bundle.getString("type"));
        JsonArray entries = bundle.getJsonArray("entry");
        assertEquals(2, entries.size());
        JsonObject decision = entries.getJsonObject(0).getJsonObject("resource");
        JsonObject event = entries.getJsonObject(1).getJsonObject("resource");
        assertEquals("AuditEvent", event.getString("resourceType"));
        assertEquals("110110", event.getJsonObject("type").getString("code"));
        assertEquals("E", event.getString("action"));
        assertEquals(recommendation.recordedAt().toString(), event.getString("recorded"));
        assertEquals("0", event.getString("outcome"));
        JsonObject agent = event.getJsonArray("agent").getJsonObject(0);
        assertEquals("it-clinician", agent.getString("name"));
        assertTrue(agent.getBoolean("requestor"));
        assertEquals("clinician", agent.getJsonArray("role").getJsonObject(0).getString("text"));
        JsonObject patient = event.getJsonArray("entity").getJsonObject(0);
        assertEquals(pseudonyms.pseudonymOf("MRN-R1"), patient.getJsonObject("what").getJsonObject("identifier")
                .getString("value"));
        assertEquals("1", patient.getJsonObject("role").getString("code"));
        JsonObject model = event.getJsonArray("entity").getJsonObject(1);
        assertEquals(taskId + "/v3", model.getJsonObject("what").getJsonObject("identifier").getString("value"));
        assertEquals("C", decision.getString("action"));
        assertTrue(decision.toString().contains("\"valueString\":\"OVERRIDDEN\""), decision.toString());
        assertEquals("OncoCDS", event.getJsonObject("source").getString("site"));

        AuditRow export = lastExport();
        assertTrue(export.inputsJson().contains("\"format\":\"fhir-r4-auditevent-bundle\""), export.inputsJson());
        assertTrue(export.inputsJson().contains("\"rows\":\"2\""), export.inputsJson());
    }

    @Test
    void onlyComplianceOfficersSearchAndBadArgumentsAreNamed() {
        Causes.assertCausedBy(EJBAccessException.class, null, () -> clinician.search(AuditQuery.any()));
        Causes.assertCausedBy(IllegalArgumentException.class, "pageSize", () -> complianceOfficer.search(AuditQuery
                .any(), null, 501));
        Causes.assertCausedBy(IllegalArgumentException.class, "patientPseudonym", () -> complianceOfficer.search(
                AuditQuery.any().ofPatient("MRN-123"), null, 10));
        Causes.assertCausedBy(IllegalArgumentException.class, "query", () -> complianceOfficer.search(null, null,
                10));
        Causes.assertCausedBy(IllegalArgumentException.class, "cursor", () -> AuditCursor.parse("x"));
        Instant now = Instant.now();
        Causes.assertCausedBy(IllegalArgumentException.class, "from must be before toExclusive",
                () -> complianceOfficer.search(AuditQuery.any().between(now, now), null, 10));
    }

    private AuditRow lastExport() {
        List<AuditRow> rows = complianceOfficer.search(AuditQuery.any().ofKind(RecordKind.GOVERNANCE).byActor(
                "it-compliance-officer"), null, 20).rows();
        return rows.stream().filter(r -> "EXPORT".equals(r.action())).findFirst().orElseThrow();
    }

    private List<Long> ids(AuditQuery query) {
        Set<Long> unique = new HashSet<>();
        List<Long> ids = complianceOfficer.search(query, null, 100).rows().stream().map(AuditRow::id).toList();
        ids.forEach(id -> assertTrue(unique.add(id)));
        assertFalse(ids.size() > 100);
        return ids;
    }

    private RecommendationEvent event(String taskId, String mrn, String version) {
        return new RecommendationEvent(UUID.randomUUID().toString(), taskId, pseudonyms.pseudonymOf(mrn),
                taskId + "/" + version, MODEL_SHA256, "{\"age\":61}", "{\"recommendedOption\":\"Lev\"}");
    }
}
