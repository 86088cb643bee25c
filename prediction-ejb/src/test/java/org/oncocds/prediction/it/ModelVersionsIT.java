package org.oncocds.prediction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
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
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model registry in a managed Payara Micro on its H2 file database: versions survive a redeployment (a fresh
 * application instance loads them from the database instead of training again), the lifecycle with real roles, its
 * governance records in the audit chain, and the database's own refusal of a second ACTIVE version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelVersionsIT {

    /** The same application twice, so that the second start is a fresh application instance on the same database. */
    private static final String FIRST = "versions-first";
    private static final String SECOND = "versions-second";
    private static final String COLON = "colon-recurrence-5y";
    private static final String ROTTERDAM = "rotterdam-rfs-5y";

    /** The version the training test made; the lifecycle tests work on it. */
    private static String trained;

    @ArquillianResource
    Deployer deployer;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String contextRoot = FIRST;

    @Deployment(name = FIRST, managed = false, testable = false)
    static WebArchive first() {
        return PredictionDeployment.war(FIRST + ".war");
    }

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return PredictionDeployment.war(SECOND + ".war");
    }

    @Test
    @Order(1)
    void versionsSurviveARedeploymentUnchanged() throws Exception {
        contextRoot = FIRST;
        deployer.deploy(FIRST);
        Properties before = get("it/versions?task=" + COLON, TestCallers.CLINICIAN).body();
        assertEquals("1", before.getProperty("count"));
        assertEquals(COLON + "/1", before.getProperty("version.0.version"));
        assertTrue(before.getProperty("version.0.state").matches("VALIDATED|APPROVED|ACTIVE"), before.toString());
        assertEquals("system", before.getProperty("version.0.trainedBy"));
        assertEquals("weka.classifiers.functions.Logistic", before.getProperty("version.0.algorithm"));
        assertEquals("888", before.getProperty("cv.predictions"));
        assertTrue(before.getProperty("version.0.card.dataSource").startsWith("Patients with resected stage B/C"));

        deployer.undeploy(FIRST);
        contextRoot = SECOND;
        deployer.deploy(SECOND);
        Properties after = get("it/versions?task=" + COLON, TestCallers.CLINICIAN).body();
        assertEquals(before, after);
    }

    @Test
    @Order(2)
    void anAdminTrainsANewVersionInTheBackgroundAndSeesItsProgress() throws Exception {
        assertEquals(403, post("it/training", TestCallers.CLINICIAN, Map.of("taskId", ROTTERDAM, "algorithm",
                "naive-bayes")).status());
        Answer refused = post("it/training", TestCallers.ADMIN, Map.of("taskId", ROTTERDAM, "algorithm",
                "naive-bayes", "option.useKernelEstimator", "maybe"));
        assertEquals(422, refused.status());
        assertEquals("UNKNOWN_CATEGORY|options.useKernelEstimator must be one of true, false", refused.body()
                .getProperty("error.options.useKernelEstimator"));

        Answer started = post("it/training", TestCallers.ADMIN, Map.of("taskId", ROTTERDAM, "algorithm",
                "naive-bayes", "option.useKernelEstimator", "true"));
        assertEquals(200, started.status(), started.body().toString());
        String jobId = started.body().getProperty("jobId");
        Properties job = get("it/training?id=" + jobId, TestCallers.ADMIN).body();
        // The request returned before the training finished; wait for the background job to end.
        for (int poll = 0; poll < 1500 && !job.getProperty("status").matches("SUCCEEDED|FAILED"); poll++) {
            assertTrue(job.getProperty("status").matches("QUEUED|RUNNING"), job.toString());
            Thread.sleep(200);
            job = get("it/training?id=" + jobId, TestCallers.ADMIN).body();
        }
        assertEquals("SUCCEEDED", job.getProperty("status"), job.toString());
        assertEquals("10", job.getProperty("foldsDone"));
        assertEquals("10", job.getProperty("foldsTotal"));
        assertEquals(TestCallers.ADMIN, job.getProperty("requestedBy"));
        trained = job.getProperty("version");
        assertTrue(trained.matches(ROTTERDAM + "/[2-9][0-9]*"), trained);
        Properties versions = get("it/versions?task=" + ROTTERDAM, TestCallers.CLINICIAN).body();
        assertEquals(trained, versions.getProperty("version.0.version"));
        assertEquals("VALIDATED", versions.getProperty("version.0.state"));
        assertEquals("weka.classifiers.bayes.NaiveBayes", versions.getProperty("version.0.algorithm"));
        assertEquals(TestCallers.ADMIN, versions.getProperty("version.0.trainedBy"));
        assertEquals(403, get("it/training?id=" + jobId, TestCallers.CLINICIAN).status());
    }

    @Test
    @Order(3)
    void aComplianceOfficerApprovesAndAnAdminActivatesEachOnlyInTheirRole() throws Exception {
        assertEquals(403, post(TestCallers.CLINICIAN, Map.of("action", "approve", "version", trained, "biasReportId",
                "5")).status());
        assertEquals(403, post(TestCallers.COMPLIANCE_OFFICER, Map.of("action", "activate", "version", trained))
                .status());
        Answer refused = post(TestCallers.ADMIN, Map.of("action", "activate", "version", trained));
        assertEquals(409, refused.status());
        assertEquals(trained + ": only an APPROVED version can be activated; it is VALIDATED", refused.body()
                .getProperty("refused.state"));

        Answer approved = post(TestCallers.COMPLIANCE_OFFICER, Map.of("action", "approve", "version", trained,
                "biasReportId", "5"));
        assertEquals(200, approved.status(), approved.body().toString());
        assertEquals("APPROVED", approved.body().getProperty("state"));
        assertEquals(TestCallers.COMPLIANCE_OFFICER, approved.body().getProperty("stateChangedBy"));
        Properties record = newestRecord();
        assertEquals("GOVERNANCE", record.getProperty("record.0.kind"));
        assertEquals(TestCallers.COMPLIANCE_OFFICER, record.getProperty("record.0.actorName"));
        assertTrue(record.getProperty("record.0.inputsJson").contains("\"to\":\"APPROVED\""), record.toString());
        assertEquals(409, post(TestCallers.COMPLIANCE_OFFICER, Map.of("action", "approve", "version", trained,
                "biasReportId", "6")).status());

        Answer activated = post(TestCallers.ADMIN, Map.of("action", "activate", "version", trained));
        assertEquals(200, activated.status(), activated.body().toString());
        assertEquals("ACTIVE", activated.body().getProperty("state"));
        assertEquals(trained, get("it/versions?task=" + ROTTERDAM, TestCallers.CLINICIAN).body().getProperty(
                "active"));
        assertTrue(newestRecord().getProperty("record.0.inputsJson").contains("\"to\":\"ACTIVE\""));
    }

    @Test
    @Order(4)
    void theDatabaseRefusesASecondActiveVersionOfATask() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("it/tamper")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(
                        HttpRequest.BodyPublishers.ofString("version="
                                + encode(COLON + "/1") + "&task=" + ROTTERDAM));
        String answer = http.send(login(request, TestCallers.ADMIN).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(answer.startsWith("refused: "), answer);
        assertTrue(answer.toUpperCase().contains("PREDICTION_ONE_ACTIVE_PER_TASK"), answer);
        assertEquals(trained, get("it/versions?task=" + ROTTERDAM, TestCallers.CLINICIAN).body().getProperty(
                "active"));
    }

    @Test
    @Order(5)
    void onlyTheActiveVersionAnswersTheClinician() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("taskId", ROTTERDAM, "mrn", "MRN-IT-7", "age", "58",
                "meno", "1", "size", "35", "grade", "3", "nodes", "2", "pgr", "45", "er", "80"));
        Answer compared = post("it/compare", TestCallers.CLINICIAN, form);
        assertEquals(200, compared.status(), compared.body().toString());
        assertEquals(trained, compared.body().getProperty("modelVersion"));
    }

    @Test
    @Order(6)
    void aTrainingJobWhoseServerStoppedIsMarkedFailedAndAnotherServersRunningJobIsLeftAlone() throws Exception {
        String running = post("it/tamper", TestCallers.ADMIN, Map.of("action", "job", "renewedSecondsAgo", "20"))
                .body().getProperty("jobId");
        String lost = post("it/tamper", TestCallers.ADMIN, Map.of("action", "job", "renewedSecondsAgo", "150")).body()
                .getProperty("jobId");

        Properties swept = post("it/tamper", TestCallers.ADMIN, Map.of("action", "sweep")).body();

        assertTrue(Integer.parseInt(swept.getProperty("failed")) >= 1, swept.toString());
        Properties lostJob = get("it/training?id=" + lost, TestCallers.ADMIN).body();
        assertEquals("FAILED", lostJob.getProperty("status"), lostJob.toString());
        assertTrue(lostJob.getProperty("failure").contains("lease was not renewed for 2 minutes"), lostJob.toString());
        Properties runningJob = get("it/training?id=" + running, TestCallers.ADMIN).body();
        assertEquals("RUNNING", runningJob.getProperty("status"), "a job another server renews is its own business");
    }

    @Test
    @Order(7)
    void aVersionRetiredBehindThisServersBackNeverGetsARecommendationRecorded() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("taskId", ROTTERDAM, "mrn", "MRN-IT-8", "age", "61",
                "meno", "1", "size", "22", "grade", "2", "nodes", "0", "pgr", "30", "er", "60"));
        // This server now remembers the ACTIVE version; another server retires it (here: SQL past the application).
        assertEquals(200, post("it/compare", TestCallers.CLINICIAN, form).status());
        String newestBefore = newestRecord().getProperty("record.0.id");
        HttpRequest.Builder retire = HttpRequest.newBuilder(uri("it/tamper")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(
                        HttpRequest.BodyPublishers.ofString("action=retire&version="
                                + encode(trained)));
        assertEquals("updated", http.send(login(retire, TestCallers.ADMIN).build(), HttpResponse.BodyHandlers
                .ofString()).body());

        Answer refused = post("it/compare", TestCallers.CLINICIAN, form);

        assertEquals(409, refused.status(), refused.body().toString());
        assertTrue(refused.body().getProperty("error.taskId").contains("no ACTIVE model version"), refused.body()
                .toString());
        assertEquals(newestBefore, newestRecord().getProperty("record.0.id"), "nothing was recorded");

        // The ITs share one database: the version is made ACTIVE again the same way, for the ITs that follow.
        HttpRequest.Builder restore = HttpRequest.newBuilder(uri("it/tamper")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(
                        HttpRequest.BodyPublishers.ofString("version=" + encode(
                                trained) + "&task=" + ROTTERDAM));
        assertEquals("updated", http.send(login(restore, TestCallers.ADMIN).build(), HttpResponse.BodyHandlers
                .ofString()).body());
        deployer.undeploy(SECOND);
    }

    private Properties newestRecord() throws Exception {
        Answer answer = get("it/audit?limit=1", TestCallers.COMPLIANCE_OFFICER);
        assertEquals(200, answer.status());
        return answer.body();
    }

    private Answer post(String caller, Map<String, String> form) throws Exception {
        return post("it/versions", caller, form);
    }

    private Answer post(String path, String caller, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), caller);
    }

    private Answer get(String path, String caller) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), caller);
    }

    private Answer send(HttpRequest.Builder request, String caller) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(login(request, caller).build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.ISO_8859_1));
        Properties body = new Properties();
        body.load(new StringReader(response.body()));
        return new Answer(response.statusCode(), body);
    }

    private static HttpRequest.Builder login(HttpRequest.Builder request, String caller) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((caller + ":"
                + TestCallers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/" + contextRoot + "/"
                + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Answer(int status, Properties body) {
    }
}
