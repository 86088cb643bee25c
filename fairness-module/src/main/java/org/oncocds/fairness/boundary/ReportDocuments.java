package org.oncocds.fairness.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bias report as the JSON document that is stored, and back. Keys are written in a fixed order (maps sorted by key,
 * metrics in enum order) and absent values are left out, so the same report always gives the same document; numbers
 * are Java's shortest round-trip decimals, so reading a document back gives an equal report.
 */
final class ReportDocuments {

    /**
     * One provider for every document: {@code Json.createObjectBuilder()} looks the provider up anew on each call
     * (a service-loader scan), which made a report's document take hundreds of milliseconds.
     */
    static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private ReportDocuments() {
    }

    static String json(BiasReport report) {
        JsonArrayBuilder groupings = BUILDERS.createArrayBuilder();
        report.groupings().forEach(grouping -> groupings.add(grouping(grouping)));
        return BUILDERS.createObjectBuilder().add("request", request(report.request())).add("rows", report.rows()).add(
                "groupings", groupings).build().toString();
    }

    static String json(BiasReportRequest request) {
        return request(request).build().toString();
    }

    static String json(Tolerances tolerances) {
        return tolerances(tolerances).build().toString();
    }

    static BiasReport report(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            JsonObject document = reader.readObject();
            List<GroupingReport> groupings = document.getJsonArray("groupings").getValuesAs(JsonObject.class).stream()
                    .map(ReportDocuments::grouping).toList();
            return new BiasReport(request(document.getJsonObject("request")), document.getJsonNumber("rows")
                    .longValueExact(), groupings);
        }
    }

    static JsonObjectBuilder request(BiasReportRequest request) {
        JsonArrayBuilder intersections = BUILDERS.createArrayBuilder();
        request.intersections().forEach(intersection -> intersections.add(BUILDERS.createArrayBuilder(intersection)));
        JsonObjectBuilder bands = BUILDERS.createObjectBuilder();
        new TreeMap<>(request.bands()).forEach((attribute, cuts) -> bands.add(attribute, numbers(cuts)));
        JsonObjectBuilder references = BUILDERS.createObjectBuilder();
        new TreeMap<>(request.referenceGroups()).forEach(references::add);
        return BUILDERS.createObjectBuilder().add("attributes", BUILDERS.createArrayBuilder(request.attributes())).add(
                "intersections", intersections).add("bands", bands).add("threshold", request.threshold()).add(
                        "referenceGroups", references)
                .add("minimumGroupSize", request.minimumGroupSize()).add(
                        "bootstrapReplicates", request.bootstrapReplicates())
                .add("seed", request.seed()).add(
                        "tolerances", tolerances(request.tolerances()));
    }

    private static BiasReportRequest request(JsonObject json) {
        Map<String, List<Double>> bands = new HashMap<>();
        json.getJsonObject("bands").forEach((attribute, cuts) -> bands.put(attribute, doubles(cuts.asJsonArray())));
        Map<String, String> references = new HashMap<>();
        json.getJsonObject("referenceGroups").forEach((grouping, group) -> references.put(grouping,
                ((JsonString) group).getString()));
        List<List<String>> intersections = json.getJsonArray("intersections").getValuesAs(JsonArray.class).stream()
                .map(ReportDocuments::strings).toList();
        return new BiasReportRequest(strings(json.getJsonArray("attributes")), intersections, bands, json
                .getJsonNumber("threshold").doubleValue(), references, json.getInt("minimumGroupSize"),
                json.getInt(
                        "bootstrapReplicates"),
                json.getJsonNumber("seed").longValueExact(), tolerances(json
                        .getJsonObject("tolerances")));
    }

    private static JsonObjectBuilder tolerances(Tolerances t) {
        return BUILDERS.createObjectBuilder().add("demographicParityDifference", t.demographicParityDifference()).add(
                "selectionRateRatio", t.selectionRateRatio()).add("equalOpportunityDifference",
                        t
                                .equalOpportunityDifference())
                .add("equalizedOddsDifference", t.equalizedOddsDifference())
                .add("predictiveParityDifference", t.predictiveParityDifference()).add("calibrationDifference", t
                        .calibrationDifference());
    }

    private static Tolerances tolerances(JsonObject json) {
        return new Tolerances(number(json, "demographicParityDifference"), number(json, "selectionRateRatio"), number(
                json, "equalOpportunityDifference"), number(json, "equalizedOddsDifference"),
                number(json,
                        "predictiveParityDifference"),
                number(json, "calibrationDifference"));
    }

    static JsonObjectBuilder grouping(GroupingReport grouping) {
        JsonArrayBuilder groups = BUILDERS.createArrayBuilder();
        grouping.groups().forEach(group -> groups.add(group(group)));
        JsonArrayBuilder disparities = BUILDERS.createArrayBuilder();
        grouping.disparities().forEach(disparity -> disparities.add(disparity(disparity)));
        JsonObjectBuilder json = BUILDERS.createObjectBuilder().add("grouping", grouping.grouping()).add("attributes",
                Json
                        .createArrayBuilder(grouping.attributes()));
        addIfPresent(json, "referenceGroup", grouping.referenceGroup());
        addIfPresent(json, "referenceRule", grouping.referenceRule());
        return json.add("groups", groups).add("disparities", disparities);
    }

    private static GroupingReport grouping(JsonObject json) {
        return new GroupingReport(json.getString("grouping"), strings(json.getJsonArray("attributes")), text(json,
                "referenceGroup"), text(json, "referenceRule"),
                json.getJsonArray("groups").getValuesAs(
                        JsonObject.class).stream().map(ReportDocuments::group).toList(),
                json.getJsonArray(
                        "disparities").getValuesAs(JsonObject.class).stream().map(
                                ReportDocuments::disparity)
                        .toList());
    }

    private static JsonObjectBuilder group(GroupReport group) {
        JsonObjectBuilder metrics = BUILDERS.createObjectBuilder();
        new EnumMap<>(group.metrics()).forEach((metric, estimate) -> metrics.add(metric.name(), estimate(estimate)));
        return BUILDERS.createObjectBuilder().add("group", group.group()).add("n", group.n())
                .add("sufficientData", group
                        .sufficientData())
                .add("metrics", metrics);
    }

    private static GroupReport group(JsonObject json) {
        Map<GroupMetric, Estimate> metrics = new EnumMap<>(GroupMetric.class);
        json.getJsonObject("metrics").forEach((metric, estimate) -> metrics.put(GroupMetric.valueOf(metric), estimate(
                estimate.asJsonObject())));
        return new GroupReport(json.getString("group"), json.getJsonNumber("n").longValueExact(), json.getBoolean(
                "sufficientData"), java.util.Collections.unmodifiableMap(metrics));
    }

    private static JsonObjectBuilder disparity(Disparity disparity) {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder().add("metric", disparity.metric().name());
        addIfPresent(json, "group", disparity.group());
        json.add("estimate", estimate(disparity.estimate())).add("tolerance", disparity.tolerance()).add("verdict",
                disparity.verdict().name());
        addIfPresent(json, "reason", disparity.reason());
        return json;
    }

    private static Disparity disparity(JsonObject json) {
        return new Disparity(DisparityMetric.valueOf(json.getString("metric")), text(json, "group"), estimate(json
                .getJsonObject("estimate")), number(json, "tolerance"), Verdict.valueOf(json.getString("verdict")),
                text(json, "reason"));
    }

    private static JsonObjectBuilder estimate(Estimate estimate) {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder();
        if (estimate.value() != null) {
            json.add("value", estimate.value());
        }
        if (estimate.interval() != null) {
            Interval interval = estimate.interval();
            json.add("interval", BUILDERS.createObjectBuilder().add("lower", interval.lower()).add("upper", interval
                    .upper()).add("definedReplicates", interval.definedReplicates()));
        }
        addIfPresent(json, "reason", estimate.reason());
        return json;
    }

    private static Estimate estimate(JsonObject json) {
        Double value = json.containsKey("value") ? number(json, "value") : null;
        Interval interval = null;
        if (json.containsKey("interval")) {
            JsonObject i = json.getJsonObject("interval");
            interval = new Interval(number(i, "lower"), number(i, "upper"), i.getInt("definedReplicates"));
        }
        return new Estimate(value, interval, text(json, "reason"));
    }

    private static JsonArrayBuilder numbers(List<Double> values) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<Double> doubles(JsonArray array) {
        List<Double> values = new ArrayList<>();
        array.getValuesAs(JsonNumber.class).forEach(number -> values.add(number.doubleValue()));
        return values;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static double number(JsonObject json, String key) {
        return json.getJsonNumber(key).doubleValue();
    }

    private static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value == JsonValue.NULL ? null : ((JsonString) value).getString();
    }

    private static void addIfPresent(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
