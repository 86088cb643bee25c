package org.oncocds.portal.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.EnumMap;
import java.util.TreeMap;
import org.oncocds.fairness.boundary.BiasReport;
import org.oncocds.fairness.boundary.BiasReportRequest;
import org.oncocds.fairness.boundary.Disparity;
import org.oncocds.fairness.boundary.Estimate;
import org.oncocds.fairness.boundary.FairnessStatus;
import org.oncocds.fairness.boundary.GroupReport;
import org.oncocds.fairness.boundary.GroupingReport;
import org.oncocds.fairness.boundary.StoredBiasReport;

/** Bias reports and fairness statuses as the API answers them; absent values are left out. */
final class ReportJson {

    private ReportJson() {
    }

    static JsonObject of(StoredBiasReport stored) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", stored.id()).add("modelVersion", stored
                .modelVersion()).add("reportVersion", stored.reportVersion()).add("source", stored.source()).add(
                        "inputSha256", stored.inputSha256())
                .add("reportSha256", stored.reportSha256()).add("storedAt",
                        stored.storedAt().toString())
                .add("storedBy", stored.storedBy());
        addIfPresent(json, "taskId", stored.taskId());
        addIfPresent(json, "modelSha256", stored.modelSha256());
        return json.add("report", of(stored.report())).build();
    }

    /** A stored report without its figures: provenance, verdict counts and the decision on it. */
    static JsonObject summary(StoredBiasReport stored, FairnessStatus decision) {
        JsonObjectBuilder verdicts = Json.createObjectBuilder();
        stored.verdictCounts().forEach((verdict, count) -> verdicts.add(verdict.name(), count));
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", stored.id()).add("modelVersion", stored
                .modelVersion()).add("reportVersion", stored.reportVersion()).add("source", stored.source()).add(
                        "rows", stored.report().rows())
                .add("storedAt", stored.storedAt().toString()).add("storedBy",
                        stored.storedBy())
                .add("verdicts", verdicts).add("decision", of(decision));
        addIfPresent(json, "taskId", stored.taskId());
        return json.build();
    }

    static JsonObject of(FairnessStatus status) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("modelVersion", status.modelVersion()).add("status",
                status.status().name());
        if (status.reportId() != null) {
            json.add("reportId", status.reportId()).add("reportVersion", status.reportVersion());
        }
        addIfPresent(json, "decidedBy", status.decidedBy());
        addIfPresent(json, "decidedAt", status.decidedAt() == null ? null : status.decidedAt().toString());
        addIfPresent(json, "comment", status.comment());
        return json.build();
    }

    static JsonObject of(BiasReport report) {
        JsonArrayBuilder groupings = Json.createArrayBuilder();
        report.groupings().forEach(grouping -> groupings.add(grouping(grouping)));
        return Json.createObjectBuilder().add("request", request(report.request())).add("rows", report.rows()).add(
                "groupings", groupings).build();
    }

    private static JsonObjectBuilder request(BiasReportRequest request) {
        JsonArrayBuilder intersections = Json.createArrayBuilder();
        request.intersections().forEach(intersection -> intersections.add(Json.createArrayBuilder(intersection)));
        JsonObjectBuilder bands = Json.createObjectBuilder();
        new TreeMap<>(request.bands()).forEach((attribute, cuts) -> {
            JsonArrayBuilder values = Json.createArrayBuilder();
            cuts.forEach(values::add);
            bands.add(attribute, values);
        });
        JsonObjectBuilder references = Json.createObjectBuilder();
        new TreeMap<>(request.referenceGroups()).forEach(references::add);
        return Json.createObjectBuilder().add("attributes", Json.createArrayBuilder(request.attributes())).add(
                "intersections", intersections).add("bands", bands).add("threshold", request.threshold()).add(
                        "referenceGroups", references)
                .add("minimumGroupSize", request.minimumGroupSize()).add(
                        "bootstrapReplicates", request.bootstrapReplicates())
                .add("seed", request.seed());
    }

    private static JsonObjectBuilder grouping(GroupingReport grouping) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        grouping.groups().forEach(group -> groups.add(group(group)));
        JsonArrayBuilder disparities = Json.createArrayBuilder();
        grouping.disparities().forEach(disparity -> disparities.add(disparity(disparity)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("grouping", grouping.grouping());
        addIfPresent(json, "referenceGroup", grouping.referenceGroup());
        addIfPresent(json, "referenceRule", grouping.referenceRule());
        return json.add("groups", groups).add("disparities", disparities);
    }

    private static JsonObjectBuilder group(GroupReport group) {
        JsonObjectBuilder metrics = Json.createObjectBuilder();
        new EnumMap<>(group.metrics()).forEach((metric, estimate) -> metrics.add(metric.name(), estimate(estimate)));
        return Json.createObjectBuilder().add("group", group.group()).add("n", group.n()).add("sufficientData", group
                .sufficientData()).add("metrics", metrics);
    }

    private static JsonObjectBuilder disparity(Disparity disparity) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("metric", disparity.metric().name());
        addIfPresent(json, "group", disparity.group());
        json.add("estimate", estimate(disparity.estimate())).add("tolerance", disparity.tolerance()).add("verdict",
                disparity.verdict().name());
        addIfPresent(json, "reason", disparity.reason());
        return json;
    }

    private static JsonObjectBuilder estimate(Estimate estimate) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (estimate.value() != null) {
            json.add("value", estimate.value());
        }
        if (estimate.interval() != null) {
            json.add("lower", estimate.interval().lower()).add("upper", estimate.interval().upper());
        }
        addIfPresent(json, "reason", estimate.reason());
        return json;
    }

    private static void addIfPresent(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
