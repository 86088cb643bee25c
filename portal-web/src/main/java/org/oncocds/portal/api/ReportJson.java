package org.oncocds.portal.api;

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
import org.oncocds.portal.json.PortalJson;

/** Bias reports and fairness statuses as the API answers them; absent values are left out. */
final class ReportJson {

    private ReportJson() {
    }

    static JsonObject of(StoredBiasReport stored) {
        JsonObjectBuilder json = PortalJson.object().add("id", stored.id()).add("modelVersion", stored
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
        JsonObjectBuilder verdicts = PortalJson.object();
        stored.verdictCounts().forEach((verdict, count) -> verdicts.add(verdict.name(), count));
        JsonObjectBuilder json = PortalJson.object().add("id", stored.id()).add("modelVersion", stored
                .modelVersion()).add("reportVersion", stored.reportVersion()).add("source", stored.source()).add(
                        "rows", stored.report().rows())
                .add("storedAt", stored.storedAt().toString()).add("storedBy",
                        stored.storedBy())
                .add("verdicts", verdicts).add("decision", of(decision));
        addIfPresent(json, "taskId", stored.taskId());
        return json.build();
    }

    static JsonObject of(FairnessStatus status) {
        JsonObjectBuilder json = PortalJson.object().add("modelVersion", status.modelVersion()).add("status",
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
        JsonArrayBuilder groupings = PortalJson.array();
        report.groupings().forEach(grouping -> groupings.add(grouping(grouping)));
        return PortalJson.object().add("request", request(report.request())).add("rows", report.rows()).add(
                "groupings", groupings).build();
    }

    private static JsonObjectBuilder request(BiasReportRequest request) {
        JsonArrayBuilder intersections = PortalJson.array();
        request.intersections().forEach(intersection -> intersections.add(PortalJson.array(intersection)));
        JsonObjectBuilder bands = PortalJson.object();
        new TreeMap<>(request.bands()).forEach((attribute, cuts) -> {
            JsonArrayBuilder values = PortalJson.array();
            cuts.forEach(values::add);
            bands.add(attribute, values);
        });
        JsonObjectBuilder references = PortalJson.object();
        new TreeMap<>(request.referenceGroups()).forEach(references::add);
        return PortalJson.object().add("attributes", PortalJson.array(request.attributes())).add(
                "intersections", intersections).add("bands", bands).add("threshold", request.threshold()).add(
                        "referenceGroups", references)
                .add("minimumGroupSize", request.minimumGroupSize()).add(
                        "bootstrapReplicates", request.bootstrapReplicates())
                .add("seed", request.seed());
    }

    private static JsonObjectBuilder grouping(GroupingReport grouping) {
        JsonArrayBuilder groups = PortalJson.array();
        grouping.groups().forEach(group -> groups.add(group(group)));
        JsonArrayBuilder disparities = PortalJson.array();
        grouping.disparities().forEach(disparity -> disparities.add(disparity(disparity)));
        JsonObjectBuilder json = PortalJson.object().add("grouping", grouping.grouping());
        addIfPresent(json, "referenceGroup", grouping.referenceGroup());
        addIfPresent(json, "referenceRule", grouping.referenceRule());
        return json.add("groups", groups).add("disparities", disparities);
    }

    private static JsonObjectBuilder group(GroupReport group) {
        JsonObjectBuilder metrics = PortalJson.object();
        new EnumMap<>(group.metrics()).forEach((metric, estimate) -> metrics.add(metric.name(), estimate(estimate)));
        return PortalJson.object().add("group", group.group()).add("n", group.n()).add("sufficientData", group
                .sufficientData()).add("metrics", metrics);
    }

    private static JsonObjectBuilder disparity(Disparity disparity) {
        JsonObjectBuilder json = PortalJson.object().add("metric", disparity.metric().name());
        addIfPresent(json, "group", disparity.group());
        json.add("estimate", estimate(disparity.estimate())).add("tolerance", disparity.tolerance()).add("verdict",
                disparity.verdict().name());
        addIfPresent(json, "reason", disparity.reason());
        return json;
    }

    private static JsonObjectBuilder estimate(Estimate estimate) {
        JsonObjectBuilder json = PortalJson.object();
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
