package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadedCohortTest {

    static byte[] colonCsv() {
        try (InputStream csv = UploadedCohortTest.class.getResourceAsStream(ColonRecurrence.RESOURCE)) {
            return csv.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UploadedTaskDefinition colonDeath() {
        return TaskDefinitionJson.parse(TaskDefinitionJsonTest.colonDeath(), new UploadIssues(50)).orElseThrow();
    }

    @Test
    void labelsTheShippedColonDeathRecordsByTheSurvivalRule() {
        UploadIssues issues = new UploadIssues(50);
        DatasetFile file = DatasetFile.read("csv", colonCsv(), issues).orElseThrow();
        UploadedCohort cohort = UploadedCohort.check(colonDeath(), file, issues);
        assertTrue(issues.isEmpty(), issues.list()::toString);
        // Counted here independently: death records, event by 730.5 days = 1, followed beyond = 0, else no label.
        List<Map<String, String>> rows = CsvTable.read(new java.io.ByteArrayInputStream(colonCsv()));
        long selected = rows.stream().filter(row -> row.get("etype").equals("2")).count();
        long events = rows.stream().filter(row -> row.get("etype").equals("2") && row.get("status").equals("1")
                && Double.parseDouble(row.get("time")) <= 730.5).count();
        long noEvent = rows.stream()
                .filter(row -> row.get("etype").equals("2") && Double.parseDouble(row.get("time")) > 730.5).count();
        assertEquals(new UploadedCohort(rows.size(), (int) selected, (int) (events + noEvent), (int) events), cohort);
        assertEquals(929, selected);
        List<LabelledCase> cases = UploadedCohort.cases(colonDeath(), "colon.csv", colonCsv());
        assertEquals(events + noEvent, cases.size());
        assertEquals(events, cases.stream().filter(labelled -> labelled.label() == 1).count());
        assertTrue(cases.stream().allMatch(labelled -> labelled.values().has("rx")));
    }

    @Test
    void namesTheRowAndColumnOfEveryBadValue() {
        String csv = """
                id,rx,sex,age,nodes,extent,obstruct,status,time,etype
                1,Obs,1,43,5,3,0,1,968,2
                2,Lev,2,150,x,3,0,1,500,2
                3,Placebo,0,44.5,,5,,maybe,-3,2
                4,Obs,0,60,2,3,0,,,1
                """;
        List<UploadIssue> issues = check(csv);
        assertEquals(List.of("line 3, column sex: 2 is not one of the declared values 0, 1",
                "line 3, column age: 150 is above the maximum 100", "line 3, column nodes: x is not a number",
                "line 4, column age: 44.5 is not a whole number",
                "line 4, column extent: 5 is not one of the declared values 1, 2, 3, 4",
                "line 4, column obstruct: missing, and the definition says it is required",
                "line 4, column rx: Placebo is not one of the declared values Obs, Lev, Lev+5FU",
                "line 4, column time: -3 is below 0 days",
                "line 4, column status: maybe is neither an event value nor a censored value (1, 0)"),
                issues.stream()
                        .map(UploadIssue::message).sorted(UploadedCohortTest::byLine).toList());
        UploadIssue age = issues.stream().filter(issue -> "age".equals(issue.column())).findFirst().orElseThrow();
        assertEquals(new UploadIssue("dataset", 3, "age", "line 3, column age: 150 is above the maximum 100"), age);
    }

    @Test
    void refusesColumnsTheDefinitionNamesButTheFileLacks() {
        List<UploadIssue> issues = check("id,rx,sex,age,status,time\n1,Obs,1,43,1,968\n");
        assertEquals(List.of("definition.features[2].name", "definition.features[3].name",
                "definition.features[4].name", "definition.rows.column"),
                issues.stream().map(UploadIssue::field)
                        .toList());
        assertEquals("nodes", issues.get(0).column());
    }

    @Test
    void refusesDataWithTooFewLabelledRowsOrOneOutcome() {
        String header = "id,rx,sex,age,nodes,extent,obstruct,status,time,etype\n";
        StringBuilder survivors = new StringBuilder(header);
        for (int i = 0; i < 12; i++) {
            survivors.append(i).append(",Obs,1,50,1,3,0,0,900,2\n");
        }
        assertEquals(List.of("dataset: all 12 labelled rows have the same outcome (no event by 730.5 days); a model "
                + "needs both"), check(survivors.toString()).stream().map(UploadIssue::message).toList());
        String censoredEarly = header + "1,Obs,1,50,1,3,0,0,100,2\n2,Obs,1,50,1,3,0,1,100,2\n";
        assertEquals(List.of("dataset: 1 of 2 rows are labelled (event by 730.5 days, or followed beyond); ten-fold "
                + "cross-validation needs at least 10"), check(censoredEarly).stream().map(UploadIssue::message)
                        .toList());
        assertEquals(List.of("dataset: no row has etype = 2"), check(header + "1,Obs,1,50,1,3,0,0,100,1\n").stream()
                .map(UploadIssue::message).toList());
    }

    @Test
    void reportsAtMostTheLimitSayingHowManyMore() {
        StringBuilder csv = new StringBuilder("id,rx,sex,age,nodes,extent,obstruct,status,time,etype\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i).append(",Obs,1,500,1,3,0,1,100,2\n");
        }
        List<UploadIssue> issues = check(csv.toString());
        assertEquals(50, issues.size());
        assertEquals("dataset: 151 more problems were found and not listed", issues.get(49).message());
        assertEquals(Integer.valueOf(2), issues.get(0).row());
    }

    @Test
    void aStoredDatasetThatNoLongerPassesIsNotTrainedOn() {
        byte[] changed = "id,rx\n1,Obs\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> UploadedCohort.cases(colonDeath(), "colon.csv", changed));
    }

    private static List<UploadIssue> check(String csv) {
        UploadIssues issues = new UploadIssues(50);
        DatasetFile file = DatasetFile.read("csv", csv.getBytes(StandardCharsets.UTF_8), issues).orElseThrow();
        UploadedCohort.check(colonDeath(), file, issues);
        return issues.list();
    }

    private static int byLine(String a, String b) {
        return Integer.compare(line(a), line(b));
    }

    private static int line(String message) {
        return Integer.parseInt(message.substring(5, message.indexOf(',')));
    }
}
