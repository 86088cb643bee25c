package org.oncocds.fairness.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * A stored report as the JSON export: its provenance (ids, versions, SHA-256 of model, input and stored document, who
 * stored it when), the verdict counts, the decision on it and the whole report ({@code request}, {@code rows},
 * {@code groupings} exactly as stored). Every top-level and provenance field is always present (null when it does not
 * apply), in a fixed order; {@link #SCHEMA} names the layout and changes only when a field changes meaning.
 */
final class ReportJson {

    static final String SCHEMA = "oncocds-bias-report-export/1";

    private ReportJson() {
    }

    static String document(StoredBiasReport stored, FairnessStatus decision) {
        JsonObjectBuilder counts = ReportDocuments.BUILDERS.createObjectBuilder();
        stored.verdictCounts().forEach((verdict, count) -> counts.add(verdict.name(), count));
        JsonArrayBuilder groupings = ReportDocuments.BUILDERS.createArrayBuilder();
        stored.report().groupings().forEach(grouping -> groupings.add(ReportDocuments.grouping(grouping)));
        JsonObjectBuilder json = ReportDocuments.BUILDERS.createObjectBuilder().add("schema", SCHEMA).add("reportId",
                stored.id());
        text(json, "taskId", stored.taskId());
        text(json, "modelVersion", stored.modelVersion());
        text(json, "modelSha256", stored.modelSha256());
        json.add("reportVersion", stored.reportVersion());
        text(json, "source", stored.source());
        text(json, "inputSha256", stored.inputSha256());
        text(json, "reportSha256", stored.reportSha256());
        time(json, "storedAt", stored.storedAt());
        text(json, "storedBy", stored.storedBy());
        return json.add("verdictCounts", counts).add("signOff", signOff(decision)).add("request", ReportDocuments
                .request(stored.report().request())).add("rows", stored.report().rows()).add("groupings", groupings)
                .build().toString();
    }

    private static JsonObjectBuilder signOff(FairnessStatus decision) {
        JsonObjectBuilder json = ReportDocuments.BUILDERS.createObjectBuilder().add("status", decision.status().name());
        text(json, "decidedBy", decision.decidedBy());
        time(json, "decidedAt", decision.decidedAt());
        text(json, "comment", decision.comment());
        return json;
    }

    private static void text(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.add(key, JsonValue.NULL);
        } else {
            json.add(key, value);
        }
    }

    private static void time(JsonObjectBuilder json, String key, Instant value) {
        text(json, key, value == null ? null : value.toString());
    }
}
