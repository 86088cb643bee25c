package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDefinitionJsonTest {

    /** The example definition of docs/model-registry.md, on the shipped colon.csv's death records. */
    static String colonDeath() {
        try (InputStream json = TaskDefinitionJsonTest.class.getResourceAsStream("/uploads/colon-death-2y.json")) {
            return new String(json.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheDocumentedExample() {
        UploadIssues issues = new UploadIssues(50);
        UploadedTaskDefinition definition = TaskDefinitionJson.parse(colonDeath(), issues).orElseThrow(
                () -> new AssertionError(issues.list()));
        TaskDefinition task = definition.task();
        assertEquals("colon-death-2y", task.id());
        assertEquals(730.5, task.horizonDays());
        assertEquals("rx", task.treatmentFeature());
        assertEquals(List.of("Obs", "Lev", "Lev+5FU"), task.treatmentOptions());
        assertTrue(task.randomised());
        assertTrue(task.uploaded());
        assertEquals(List.of("sex", "age", "rx"), task.subgroupAttributes());
        assertEquals(new FeatureSpec("age", ValueKind.WHOLE_NUMBER, "years", 18.0, 100.0, List.of(), true), task
                .feature("age").orElseThrow());
        assertEquals(new FeatureSpec("sex", ValueKind.CATEGORY, "", null, null, List.of("0", "1"), true), task
                .feature("sex").orElseThrow());
        assertEquals("etype", definition.rowColumn());
        assertEquals("2", definition.rowValue());
        assertEquals(List.of("0"), definition.censoredValues());
    }

    @Test
    void canonicalJsonReadsBackToTheSameDefinition() {
        UploadIssues issues = new UploadIssues(50);
        UploadedTaskDefinition definition = TaskDefinitionJson.parse(colonDeath(), issues).orElseThrow();
        String canonical = definition.canonicalJson();
        assertFalse(canonical.contains(" \n"));
        assertTrue(canonical.startsWith("{\"dataset\":"), canonical);
        UploadedTaskDefinition again = TaskDefinitionJson.parse(canonical, issues).orElseThrow();
        assertEquals(definition, again);
        assertEquals(canonical, again.canonicalJson());
    }

    @Test
    void namesEveryProblemWithItsPath() {
        String json = colonDeath().replace("\"colon-death-2y\"", "\"Colon Death\"").replace("\"max\": 100",
                "\"max\": 10").replace("\"reference\": \"Obs\"", "\"reference\": \"Placebo\"").replace(
                        "\"horizonDays\": 730.5", "\"horizonDays\": 0")
                .replace("\"subgroups\": [\"sex\"",
                        "\"subgroups\": [\"race\"")
                .replace("\"required\": false}",
                        "\"required\": false, \"colour\": \"red\"}");
        List<UploadIssue> issues = problems(json);
        assertEquals(List.of("definition.id", "definition.features[1].max", "definition.features[2].colour",
                "definition.label.horizonDays", "definition.treatment.reference", "definition.subgroups[0]"),
                issues
                        .stream().map(UploadIssue::field).toList(),
                issues::toString);
        assertEquals("definition.features[1].max: 10 is below the minimum 18", issues.get(1).message());
        assertEquals("definition.treatment.reference: Placebo is not one of the options Obs, Lev, Lev+5FU", issues
                .get(4).message());
    }

    @Test
    void refusesMissingFieldsWrongTypesAndUnknownKeys() {
        List<UploadIssue> issues = problems("{\"id\":\"abc\",\"outcome\":7,\"extra\":true,\"features\":[],"
                + "\"treatment\":{\"feature\":\"rx\",\"options\":[\"A\"],\"reference\":\"A\",\"randomised\":\"no\"},"
                + "\"subgroups\":[]}");
        List<String> fields = issues.stream().map(UploadIssue::field).toList();
        assertEquals(List.of("definition.extra", "definition.outcome", "definition.dataset", "definition.label",
                "definition.features", "definition.treatment.options", "definition.treatment.randomised",
                "definition.subgroups"), fields, issues::toString);
    }

    @Test
    void refusesAFeatureThatIsTheLabelOrTheTreatmentOrNamedTwice() {
        String json = colonDeath().replace("{\"name\": \"nodes\"", "{\"name\": \"time\"").replace(
                "{\"name\": \"obstruct\"", "{\"name\": \"sex\"").replace("{\"name\": \"extent\"",
                        "{\"name\": \"rx\"");
        List<UploadIssue> issues = problems(json);
        assertEquals(List.of("definition.features[2].name: time is a label column; the model must not learn from the"
                + " outcome",
                "definition.features[3].name: rx is the treatment feature; it is not listed among the"
                        + " features",
                "definition.features[4].name: sex is named twice"),
                issues.stream().map(
                        UploadIssue::message).toList());
    }

    @Test
    void refusesCodesWrittenAsNumbersAndCategoryRanges() {
        String json = colonDeath().replace("\"categories\": [\"0\", \"1\"], \"required\": true}",
                "\"categories\": [0, 1], \"required\": true, \"min\": 0}");
        List<UploadIssue> issues = problems(json);
        assertEquals(List.of("definition.features[0].min", "definition.features[0].categories[0]",
                "definition.features[0].categories[1]", "definition.features[4].min",
                "definition.features[4].categories[0]", "definition.features[4].categories[1]"),
                issues.stream().map(
                        UploadIssue::field).toList(),
                issues::toString);
    }

    @Test
    void refusesSomethingThatIsNotJsonNamingWhere() {
        List<UploadIssue> issues = problems("{\"id\": \"abc\",\n \"outcome\" 3}");
        assertEquals(1, issues.size());
        assertTrue(issues.get(0).message().startsWith("definition: not valid JSON at line 2"), issues::toString);
        assertEquals("definition", problems("[1,2]").get(0).field());
        assertEquals("definition", problems("  ").get(0).field());
    }

    private static List<UploadIssue> problems(String json) {
        UploadIssues issues = new UploadIssues(50);
        assertTrue(TaskDefinitionJson.parse(json, issues).isEmpty());
        return issues.list();
    }
}
