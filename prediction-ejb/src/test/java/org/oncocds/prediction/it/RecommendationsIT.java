package org.oncocds.prediction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prediction boundary in a managed Payara Micro on an H2 file database: callers log in over HTTP (Basic, see
 * {@link TestCallers}) and servlets call the EJBs as the portal does, so roles and the audit transaction are real.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecommendationsIT {

    private static final String TASK = "colon-recurrence-5y";
    private static final String MRN = "MRN-IT-0042";

    @ArquillianResource
    URL deploymentUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PredictionDeployment.war("prediction-it.war");
    }

    /**
     * Only an ACTIVE version answers: as deploy/start.sh does for the demo, the compliance officer approves version 1 of
     * each task (here with a stand-in bias report id) and the admin activates it, unless a version is ACTIVE already.
     */
    @BeforeEach
    void activateTheFirstVersions() throws Exception {
        for (String task : new String[]{TASK, "rotterdam-rfs-5y"}) {
            if (get("it/versions?task=" + task, TestCallers.CLINICIAN).body().getProperty("active") == null) {
                post("it/versions", TestCallers.COMPLIANCE_OFFICER, Map.of("action", "approve", "version", task
                        + "/1", "biasReportId", "1"));
                Answer activated = post("it/versions", TestCallers.ADMIN, Map.of("action", "activate", "version",
                        task + "/1"));
                assertEquals(200, activated.status(), activated.body().toString());
            }
        }
    }

    @Test
    void aClinicianGetsARiskPerOptionAndTheRecordIsCommitted() throws Exception {
        Answer compared = compare(TestCallers.CLINICIAN, validCase());
        assertEquals(200, compared.status(), compared.body().toString());
        Properties comparison = compared.body();
        assertEquals("Obs,Lev,Lev+5FU", comparison.getProperty("options"));
        for (String option : comparison.getProperty("options").split(",")) {
            double risk = Double.parseDouble(comparison.getProperty("risk." + option));
            assertTrue(risk > 0 && risk < 1, option + " risk " + risk);
            String[] interval = comparison.getProperty("riskInterval." + option).split("\\|");
            assertTrue(Double.parseDouble(interval[0]) < risk && risk < Double.parseDouble(interval[1]), option
                    + " interval " + comparison.getProperty("riskInterval." + option));
        }
        assertEquals(0.0, Double.parseDouble(comparison.getProperty("benefit.Obs")));
        assertEquals("colon-recurrence-5y/1", comparison.getProperty("modelVersion"));
        assertEquals("true", comparison.getProperty("imputed.nodes"));
        assertEquals("false", comparison.getProperty("imputed.age"));
        assertTrue(comparison.getProperty("patientPseudonym").matches("[0-9a-f]{64}"));

        Properties record = newestRecord();
        assertEquals(comparison.getProperty("auditRecordId"), record.getProperty("record.0.id"));
        assertEquals(TestCallers.CLINICIAN, record.getProperty("record.0.actorName"));
        assertTrue(record.getProperty("record.0.actorRoles").contains("clinician"));
        assertEquals(comparison.getProperty("patientPseudonym"), record.getProperty("record.0.patientPseudonym"));
        assertEquals(TASK, record.getProperty("record.0.taskId"));
        assertEquals(comparison.getProperty("modelSha256"), record.getProperty("record.0.modelSha256"));
        String inputs = record.getProperty("record.0.inputsJson");
        assertTrue(inputs.contains("\"nodes\":{\"imputed\":true,\"value\":"), inputs);
        assertTrue(inputs.contains("\"age\":{\"imputed\":false,\"value\":63}"), inputs);
        assertFalse(inputs.contains(MRN), "the MRN must never be stored");
        assertTrue(record.getProperty("record.0.outputsJson").contains("\"option\":\"Lev+5FU\""));
        assertEquals(9, comparison.getProperty("drivers").split(",").length);
        assertTrue(record.getProperty("record.0.outputsJson").contains("\"riskInterval\":["), record.getProperty(
                "record.0.outputsJson"));
        String topDriver = comparison.getProperty("drivers").split(",")[0];
        assertTrue(record.getProperty("record.0.outputsJson").contains("\"drivers\":[{\"feature\":\"" + topDriver
                + "\""), record.getProperty("record.0.outputsJson"));
    }

    @Test
    void theTaskDescribesTheModelThatAnswers() throws Exception {
        Properties task = get("it/tasks?id=" + TASK, TestCallers.CLINICIAN).body();
        assertEquals(TASK + ",rotterdam-rfs-5y", task.getProperty("ids"));
        assertEquals("Obs,Lev,Lev+5FU", task.getProperty("options"));
        assertEquals("sex,age,obstruct,perfor,adhere,nodes,differ,extent,surg", task.getProperty("features"));
        assertEquals("888", task.getProperty("trainingRows"));
        assertEquals("888", task.getProperty("cv.predictions"));
        assertTrue(Double.parseDouble(task.getProperty("cv.auc")) >= 0.67, task.getProperty("cv.auc"));
        assertTrue(Double.parseDouble(task.getProperty("cv.calibrationSlope")) > 0, task.getProperty(
                "cv.calibrationSlope"));
        assertEquals("10", task.getProperty("cv.reliabilityBins"));
        Properties comparison = compare(TestCallers.CLINICIAN, validCase()).body();
        assertEquals(task.getProperty("modelSha256"), comparison.getProperty("modelSha256"));
    }

    @Test
    void theRotterdamTaskComparesTherapiesForASizeInMillimetres() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("taskId", "rotterdam-rfs-5y", "mrn", MRN, "age", "58",
                "meno", "1", "size", "35", "grade", "3", "nodes", "2", "pgr", "45", "er", "80"));
        Answer compared = compare(TestCallers.CLINICIAN, form);
        assertEquals(200, compared.status(), compared.body().toString());
        assertEquals("none,hormonal,chemotherapy,hormonal+chemotherapy", compared.body().getProperty("options"));
        assertEquals("35", compared.body().getProperty("input.size"));
        assertTrue(compared.body().getProperty("driver.size").startsWith("20-50|<=20|"), compared.body().getProperty(
                "driver.size"));
        assertEquals(compared.body().getProperty("auditRecordId"), newestRecord().getProperty("record.0.id"));
    }

    @Test
    void anInvalidCaseIsRefusedFieldByFieldAndNothingIsRecorded() throws Exception {
        String newestBefore = newestRecordId();
        Map<String, String> invalid = validCase();
        invalid.put("age", "-3");
        invalid.remove("sex");
        invalid.put("referenceOption", "Chemo");
        Answer refused = compare(TestCallers.CLINICIAN, invalid);
        assertEquals(422, refused.status());
        assertEquals("BELOW_MINIMUM|age must be at least 18", refused.body().getProperty("error.age"));
        assertEquals("REQUIRED|sex is required", refused.body().getProperty("error.sex"));
        assertEquals("UNKNOWN_CATEGORY|referenceOption must be one of Obs, Lev, Lev+5FU", refused.body().getProperty(
                "error.referenceOption"));
        assertEquals(newestBefore, newestRecordId());
    }

    @Test
    void aCallerWithoutTheClinicianRoleIsRefusedAndNothingIsRecorded() throws Exception {
        String newestBefore = newestRecordId();
        assertEquals(403, compare(TestCallers.COMPLIANCE_OFFICER, validCase()).status());
        assertEquals(newestBefore, newestRecordId());
    }

    @Test
    void aClinicianCannotReadTheAuditTrail() throws Exception {
        assertEquals(403, get("it/audit?limit=1", TestCallers.CLINICIAN).status());
    }

    @Test
    void anImmunotherapyAssessmentIsAuditedLikeAPrediction() throws Exception {
        Answer assessed = post("it/candidacy", TestCallers.CLINICIAN, Map.of("mrn", MRN, "tumourType", "colorectal",
                "unresectableOrMetastatic", "yes", "mmrStatus", "dMMR"));
        assertEquals(200, assessed.status(), assessed.body().toString());
        assertEquals("CANDIDATE", assessed.body().getProperty("verdict"));
        assertEquals("msi-high-or-dmmr", assessed.body().getProperty("fired"));
        Properties record = newestRecord();
        assertEquals(assessed.body().getProperty("auditRecordId"), record.getProperty("record.0.id"));
        assertEquals("immunotherapy-candidacy", record.getProperty("record.0.taskId"));
        assertEquals("immunotherapy-candidacy/2025.1", record.getProperty("record.0.modelVersion"));
        assertEquals(assessed.body().getProperty("ruleSetSha256"), record.getProperty("record.0.modelSha256"));
        assertTrue(record.getProperty("record.0.outputsJson").contains("\"fired\":[\"msi-high-or-dmmr\"]"));

        String newestBefore = newestRecordId();
        Answer refused = post("it/candidacy", TestCallers.CLINICIAN, Map.of("mrn", MRN, "tumourType", "lung"));
        assertEquals(422, refused.status());
        assertEquals("unresectableOrMetastatic is required", refused.body().getProperty(
                "error.unresectableOrMetastatic"));
        assertEquals(newestBefore, newestRecordId());
    }

    @Test
    void aBatchIsScoredInOrderAndRecordedAsOneGovernanceEvent() throws Exception {
        String csv = "sex,age,obstruct,perfor,adhere,nodes,differ,extent,surg,rx,time,event\n"
                + "1,70,1,1,1,20,3,4,1,Obs,300,1\n1,60,0,0,0,4,2,3,0,Obs,900,0\n0,40,0,0,0,0,1,1,0,Lev+5FU,3000,0\n";
        Answer scored = send(HttpRequest.newBuilder(uri("it/batch?task=" + TASK)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), TestCallers.CLINICIAN);
        assertEquals(200, scored.status(), scored.body().toString());
        assertEquals("3", scored.body().getProperty("rows"));
        assertEquals(4, scored.body().getProperty("csv").split("\r\n").length);
        Properties record = newestRecord();
        assertEquals(scored.body().getProperty("auditRecordId"), record.getProperty("record.0.id"));
        assertEquals("GOVERNANCE", record.getProperty("record.0.kind"));
        assertTrue(record.getProperty("record.0.inputsJson").contains("\"rows\":\"3\""), record.toString());
        assertTrue(record.getProperty("record.0.inputsJson").contains(scored.body().getProperty("fileSha256")));

        String newestBefore = newestRecordId();
        Answer refused = send(HttpRequest.newBuilder(uri("it/batch?task=" + TASK)).POST(HttpRequest.BodyPublishers
                .ofString("sex,age\n1,60\n")), TestCallers.CLINICIAN);
        assertEquals(422, refused.status());
        assertEquals("column obstruct is missing", refused.body().getProperty("error.1.obstruct"));
        assertEquals(newestBefore, newestRecordId());
    }

    private Answer post(String path, String caller, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), caller);
    }

    private static Map<String, String> validCase() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("taskId", TASK);
        form.put("mrn", MRN);
        form.put("sex", "1");
        form.put("age", "63");
        form.put("obstruct", "0");
        form.put("perfor", "0");
        form.put("adhere", "0");
        form.put("nodes", "");
        form.put("differ", "2");
        form.put("extent", "3");
        form.put("surg", "0");
        form.put("referenceOption", "Obs");
        return form;
    }

    private Properties newestRecord() throws Exception {
        Answer answer = get("it/audit?limit=1", TestCallers.COMPLIANCE_OFFICER);
        assertEquals(200, answer.status());
        return answer.body();
    }

    private String newestRecordId() throws Exception {
        return newestRecord().getProperty("record.0.id", "none");
    }

    private Answer compare(String caller, Map<String, String> form) throws Exception {
        return post("it/compare", caller, form);
    }

    private Answer get(String path, String caller) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), caller);
    }

    private Answer send(HttpRequest.Builder request, String caller) throws IOException, InterruptedException {
        String login = Base64.getEncoder().encodeToString((caller + ":" + TestCallers.PASSWORD).getBytes(
                StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + login).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        Properties body = new Properties();
        body.load(new StringReader(response.body()));
        return new Answer(response.statusCode(), body);
    }

    /** The deployment on the loopback address, whatever host name the container reported. */
    private URI uri(String path) {
        String contextPath = deploymentUrl.getPath().endsWith("/")
                ? deploymentUrl.getPath()
                : deploymentUrl.getPath()
                        + "/";
        return URI.create("http://127.0.0.1:" + deploymentUrl.getPort() + contextPath + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Answer(int status, Properties body) {
    }
}
