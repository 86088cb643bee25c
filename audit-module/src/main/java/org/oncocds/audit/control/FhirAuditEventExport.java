package org.oncocds.audit.control;

import jakarta.json.stream.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.oncocds.audit.entity.AuditKind;
import org.oncocds.audit.entity.AuditRecord;

/**
 * Writes audit records as a FHIR R4 Bundle (type {@code collection}) of AuditEvent resources, streamed: each record is
 * written as it comes, so an export of millions of records never sits in memory.
 * <p>
 * The mapping follows the FHIR R4 AuditEvent structure (http://hl7.org/fhir/R4/auditevent.html): {@code type} (Coding,
 * 1..1) and {@code subtype} (Coding, 0..*) from the DICOM audit event codes (http://dicom.nema.org/resources/ontology/DCM)
 * where one fits (110110 Patient Record, 110114 User Authentication with subtypes 110122 Login / 110123 Logout, 110113
 * Security Alert, 110106 Export, 110101 Audit Log Used, 110100 Application Activity), plus OncoCDS's own record kind or
 * governance action as a second subtype; {@code action} (C|R|U|D|E); {@code recorded} (instant, 1..1); {@code outcome}
 * (0 success, 4 minor failure, 8 serious failure); {@code agent} (1..*) with {@code who} (Reference by identifier),
 * {@code name}, {@code requestor} (1..1) and {@code role} (the user's application roles); {@code source} (1..1) with
 * {@code observer} (Reference, 1..1) and type 4 "Application Server"; {@code entity} (0..*) with {@code what}
 * (Reference by identifier), {@code type}, {@code role} and {@code detail} (type + valueString): the patient pseudonym
 * (type 1 Person, role 1 Patient), the model version (type 2 System Object, detail: the model's SHA-256), the audit
 * record itself (type 2, details: request id, sequence number, hash, inputs, outputs, decision fields, governance
 * details) and, for a decision, the recommendation it decides.
 */
public final class FhirAuditEventExport implements AutoCloseable {

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String ONCOCDS_KIND = "urn:oncocds:audit-record-kind";
    static final String ONCOCDS_ACTION = "urn:oncocds:governance-action";
    static final String ONCOCDS_ROLE = "urn:oncocds:application-role";
    static final String USER_SYSTEM = "urn:oncocds:user";
    static final String PATIENT_SYSTEM = "urn:oncocds:patient-pseudonym";
    static final String MODEL_SYSTEM = "urn:oncocds:model-version";
    static final String RECORD_SYSTEM = "urn:oncocds:audit-record";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

    private final JsonGenerator json;

    public FhirAuditEventExport(OutputStream stream, Instant exportedAt) {
        // The generator closes its stream when it ends; the caller's stream (a servlet response) stays open.
        OutputStream notClosed = new FilterOutputStream(stream) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        this.json = JsonProcessing.generators().createGenerator(notClosed, StandardCharsets.UTF_8);
        json.writeStartObject()
                .write("resourceType", "Bundle")
                .write("type", "collection")
                .write("timestamp", exportedAt.toString())
                .writeStartArray("entry");
    }

    /** One record as a Bundle entry; {@code decisionOnIt} is the decision on a recommendation, or null. */
    public void write(AuditRecord r, AuditRecord decisionOnIt) {
        json.writeStartObject().write("fullUrl", "urn:oncocds:audit-record:" + r.getId());
        json.writeStartObject("resource").write("resourceType", "AuditEvent").write("id", "oncocds-" + r.getId());
        EventType type = EventType.of(r);
        coding("type", DCM, type.code(), type.display());
        json.writeStartArray("subtype");
        if (type.subtypeCode() != null) {
            codingInArray(DCM, type.subtypeCode(), type.subtypeDisplay());
        }
        if (r.getKind() == AuditKind.GOVERNANCE) {
            codingInArray(ONCOCDS_ACTION, r.getAction(), null);
        } else {
            codingInArray(ONCOCDS_KIND, r.getKind().name(), null);
        }
        json.writeEnd();
        json.write("action", type.action()).write("recorded", r.getRecordedAt().toString());
        json.write("outcome", outcome(r));
        agent(r);
        json.writeStartObject("source").write("site", "OncoCDS");
        json.writeStartObject("observer").write("display", "OncoCDS audit trail").writeEnd();
        json.writeStartArray("type");
        codingInArray(SOURCE_TYPE, "4", "Application Server");
        json.writeEnd().writeEnd();
        json.writeStartArray("entity");
        if (r.getPatientPseudonym() != null) {
            entityStart(PATIENT_SYSTEM, r.getPatientPseudonym(), "1", "Person", "1", "Patient");
            json.writeEnd();
        }
        if (r.getModelVersion() != null) {
            entityStart(MODEL_SYSTEM, r.getModelVersion(), "2", "System Object", null, null);
            json.write("name", r.getModelVersion()).writeStartArray("detail");
            detail("taskId", r.getTaskId());
            detail("modelSha256", r.getModelSha256());
            json.writeEnd().writeEnd();
        }
        if (r.getDecidesRecordId() != null) {
            entityStart(RECORD_SYSTEM, r.getDecidesRecordId().toString(), "2", "System Object", null, null);
            json.write("description", "the recommendation this decision decides").writeEnd();
        }
        recordEntity(r, decisionOnIt);
        json.writeEnd();
        json.writeEnd().writeEnd();
    }

    @Override
    public void close() {
        json.writeEnd().writeEnd();
        json.close();
    }

    private void agent(AuditRecord r) {
        json.writeStartArray("agent").writeStartObject();
        json.writeStartObject("who").writeStartObject("identifier").write("system", USER_SYSTEM)
                .write("value", r.getActorName()).writeEnd().write("display", r.getActorName()).writeEnd();
        json.write("name", r.getActorName()).write("requestor", true);
        json.writeStartArray("role");
        for (String role : r.getActorRoles().split(",")) {
            if (!role.isBlank()) {
                json.writeStartObject().writeStartArray("coding");
                codingInArray(ONCOCDS_ROLE, role, null);
                json.writeEnd().write("text", role).writeEnd();
            }
        }
        json.writeEnd().writeEnd().writeEnd();
    }

    private void recordEntity(AuditRecord r, AuditRecord decisionOnIt) {
        entityStart(RECORD_SYSTEM, String.valueOf(r.getId()), "2", "System Object", null, null);
        if (r.getSubject() != null) {
            json.write("name", r.getSubject());
        }
        json.writeStartArray("detail");
        detail("requestId", r.getRequestId());
        detail("sequenceNumber", String.valueOf(r.getSequenceNumber()));
        detail("hash", r.getHash());
        detail("previousHash", r.getPreviousHash());
        detail(r.getKind() == AuditKind.GOVERNANCE ? "details" : "inputs", r.getInputsJson());
        if (r.getKind() == AuditKind.RECOMMENDATION) {
            detail("outputs", r.getOutputsJson());
        }
        detail("decision", r.getDecision());
        detail("chosenOption", r.getChosenOption());
        detail("decisionReason", r.getDecisionReason());
        if (decisionOnIt != null) {
            detail("decisionOnIt", decisionOnIt.getDecision());
            detail("decisionOnItRecordId", String.valueOf(decisionOnIt.getId()));
        }
        json.writeEnd().writeEnd();
    }

    /** Opens an entity object with its what/type/role; the caller adds more and closes it. */
    private void entityStart(String system, String value, String typeCode, String typeDisplay, String roleCode,
            String roleDisplay) {
        json.writeStartObject();
        json.writeStartObject("what").writeStartObject("identifier").write("system", system).write("value", value)
                .writeEnd().writeEnd();
        coding("type", ENTITY_TYPE, typeCode, typeDisplay);
        if (roleCode != null) {
            coding("role", OBJECT_ROLE, roleCode, roleDisplay);
        }
    }

    private void detail(String type, String value) {
        if (value != null) {
            json.writeStartObject().write("type", type).write("valueString", value).writeEnd();
        }
    }

    private void coding(String name, String system, String code, String display) {
        json.writeStartObject(name).write("system", system).write("code", code);
        if (display != null) {
            json.write("display", display);
        }
        json.writeEnd();
    }

    private void codingInArray(String system, String code, String display) {
        json.writeStartObject().write("system", system).write("code", code);
        if (display != null) {
            json.write("display", display);
        }
        json.writeEnd();
    }

    /** 0 success; 4 a refused login or access; 8 a chain verification that found the chain broken. */
    static String outcome(AuditRecord r) {
        if (r.getKind() != AuditKind.GOVERNANCE) {
            return "0";
        }
        return switch (r.getAction()) {
            case "LOGIN_FAILED", "ACCESS_DENIED" -> "4";
            case "CHAIN_VERIFIED" -> r.getInputsJson().contains("\"intact\":\"false\"") ? "8" : "0";
            default -> "0";
        };
    }

    /** The DICOM event type, subtype and FHIR action of a record. */
    record EventType(String code, String display, String subtypeCode, String subtypeDisplay, String action) {

        static EventType of(AuditRecord r) {
            if (r.getKind() == AuditKind.RECOMMENDATION) {
                return new EventType("110110", "Patient Record", null, null, "E");
            }
            if (r.getKind() == AuditKind.DECISION) {
                return new EventType("110110", "Patient Record", null, null, "C");
            }
            return switch (r.getAction()) {
                case "LOGIN", "LOGIN_FAILED" -> new EventType("110114", "User Authentication", "110122", "Login", "E");
                case "LOGOUT" -> new EventType("110114", "User Authentication", "110123", "Logout", "E");
                case "ACCESS_DENIED" -> new EventType("110113", "Security Alert", null, null, "E");
                case "EXPORT" -> new EventType("110106", "Export", null, null, "R");
                case "CHAIN_VERIFIED" -> new EventType("110101", "Audit Log Used", null, null, "R");
                case "USER_ADMINISTRATION" -> new EventType("110100", "Application Activity", null, null, "U");
                default -> new EventType("110100", "Application Activity", null, null, "E");
            };
        }
    }
}
