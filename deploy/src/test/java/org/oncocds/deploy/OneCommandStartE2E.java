package org.oncocds.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oncocds.deploy.tools.PortalApi;
import org.openqa.selenium.WebElement;

/**
 * The whole system as a newcomer starts it (README command 1, on a fresh data directory), used through Keycloak's
 * real login form by each demo user in headless Chromium: the colon-cancer case with its refusals and its audited
 * prediction, the 403 pages, the audit trail, logout, secrets kept private, restart without losing data, and Ctrl-C.
 * The tests run in order: later ones look for the audit record the clinician's prediction wrote.
 */
@TestMethodOrder(OrderAnnotation.class)
class OneCommandStartE2E {

    private static final String TASK = "colon-recurrence-5y";
    private static final String NEW_CASE = "/cases/new?task=" + TASK;
    private static final List<String> TREATMENT_ARMS = List.of("Obs", "Lev", "Lev+5FU");
    private static final String RECOMMENDATIONS = "/api/tasks/" + TASK + "/recommendations";
    /** realm-management roles of the user-administration service account (view-events: the failed-login import). */
    private static final List<String> USER_ADMINISTRATION_ROLES = List.of("manage-users", "query-users",
            "view-events", "view-realm", "view-users");

    /** A clinician's reason for overriding, with letters outside ASCII (forms are read as UTF-8). */
    private static final String OVERRIDE_REASON = "Patientin wünscht nach Aufklärung keine Chemotherapie (Übelkeit)";

    /** A task the demo admin adds from an upload: recurrence within 5 years, from colon.csv's recurrence rows. */
    private static final String UPLOADED_TASK = "colon-recurrence-upload-5y";
    private static final String UPLOADED_DEFINITION = """
            {"id": "colon-recurrence-upload-5y",
             "outcome": "recurrence within 5 years (1826.25 days)",
             "dataset": "NCCTG adjuvant colon cancer trial (R survival::colon), recurrence records (etype 1), uploaded by the E2E test",
             "label": {"time": "time", "event": "status", "eventValues": ["1"], "censoredValues": ["0"], "horizonDays": 1826.25},
             "treatment": {"feature": "rx", "options": ["Obs", "Lev", "Lev+5FU"], "reference": "Obs", "randomised": true},
             "features": [
               {"name": "sex", "type": "category", "categories": ["0", "1"], "required": true},
               {"name": "age", "type": "whole-number", "unit": "years", "min": 18, "max": 100, "required": true},
               {"name": "obstruct", "type": "category", "categories": ["0", "1"], "required": true},
               {"name": "adhere", "type": "category", "categories": ["0", "1"], "required": true},
               {"name": "nodes", "type": "whole-number", "unit": "positive lymph nodes", "min": 0, "max": 40, "required": false},
               {"name": "differ", "type": "category", "categories": ["1", "2", "3"], "required": false},
               {"name": "extent", "type": "category", "categories": ["1", "2", "3", "4"], "required": true}
             ],
             "subgroups": ["sex", "age", "rx"]}
            """;
    /** Bounded wait for the background training of the uploaded task's first version on a busy machine. */
    private static final Duration TRAINING_WAIT = Duration.ofMinutes(8);

    /** A wrong password typed at Keycloak's login form: a failed login no log or record may repeat. */
    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID().toString().substring(0, 8);
    /** Bounded wait for the portal's import of Keycloak's login events (every 5 s in the tests) on a busy machine. */
    private static final Duration FAILED_LOGIN_IMPORT_WAIT = Duration.ofSeconds(90);

    /** A patient identifier no log may ever contain. */
    private static final String MRN = "E2E-MRN-" + UUID.randomUUID().toString().substring(0, 8);

    private static E2eSettings settings;
    private static StartedSystem system;
    private static String auditRecordId;

    @BeforeAll
    static void startOnAFreshDataDirectory() throws IOException, InterruptedException {
        settings = E2eSettings.fromSystemProperties();
        Directories.deleteRecursively(settings.dataDir());
        system = StartedSystem.start(settings);
    }

    @AfterAll
    static void stopWhatIsStillRunning() throws InterruptedException {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void statusAnswersUpWithoutLogin() throws IOException, InterruptedException {
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(settings
                .portal("/status"))).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, status.statusCode());
        assertTrue(status.body().replace(" ", "").contains("\"status\":\"UP\""), status.body());
    }

    @Test
    @Order(2)
    void demoModelsWereApprovedAndActivatedByTheDemoUsersThroughTheApi() throws IOException, InterruptedException {
        PortalApi admin = new PortalApi(URI.create(settings.portal("")), KeycloakAdmin.apiToken(settings,
                DemoUser.ADMIN));
        List<String> tasks = admin.get("/api/tasks").requireSuccess().array().stream().map(task -> task
                .asJsonObject().getString("id")).toList();
        assertTrue(tasks.containsAll(List.of("colon-recurrence-5y", "rotterdam-rfs-5y")), tasks.toString());
        for (String task : tasks) {
            JsonObject active = admin.get("/api/tasks/" + task + "/model-versions").requireSuccess().array().stream()
                    .map(version -> version.asJsonObject()).filter(version -> "ACTIVE".equals(version.getString(
                            "state")))
                    .findFirst().orElseThrow(() -> new AssertionError(task
                            + " has no ACTIVE version; start.sh said:\n" + system.output()));
            String version = active.getString("version");
            assertEquals(DemoUser.COMPLIANCE_OFFICER.userName(), active.getString("approvedBy", null), version);
            assertEquals(DemoUser.ADMIN.userName(), active.getString("stateChangedBy", null), version);
            assertTrue(system.output().contains("the demo administrator 'admin' activated " + version), system
                    .output());
            String reports = new PortalApi(URI.create(settings.portal("")), KeycloakAdmin.apiToken(settings,
                    DemoUser.COMPLIANCE_OFFICER)).get("/api/bias-reports?modelVersion=" + version).requireSuccess()
                    .body();
            assertTrue(reports.contains("\"status\":\"APPROVED\"") && reports.contains(
                    "for the demo environment only"), reports);
        }
        // In the audit trail as those users' own acts.
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, "/audit?kind=GOVERNANCE&user=compliance");
            assertEquals(tasks.size(), browser.all("td.governance[data-action='FAIRNESS_REPORT_APPROVED']").size(),
                    browser.visibleText());
            browser.open("/audit?kind=GOVERNANCE&user=admin");
            assertTrue(browser.all("td.governance[data-action='MODEL_STATE_CHANGED']").size() >= tasks.size(), browser
                    .visibleText());
        }
    }

    @Test
    @Order(3)
    void realmImportCreatedRolesConfidentialClientAndDemoUsers() throws IOException, InterruptedException {
        KeycloakAdmin keycloak = KeycloakAdmin.signIn(settings);

        Map<String, Object> realm = keycloak.object("/oncology");
        assertEquals(true, realm.get("bruteForceProtected"));
        assertTrue(((Number) realm.get("accessTokenLifespan")).intValue() <= 300);
        List<Object> roles = keycloak.list("/oncology/roles").stream().map(role -> role.get("name")).toList();
        assertTrue(roles.containsAll(List.of("clinician", "compliance-officer", "admin", "data-manager")), roles
                .toString());

        Map<String, Object> client = keycloak.list("/oncology/clients?clientId=oncocds-portal").get(0);
        assertAll(() -> assertEquals(false, client.get("publicClient")),
                () -> assertEquals(true, client.get("standardFlowEnabled")),
                () -> assertEquals(false, client.get("implicitFlowEnabled")),
                () -> assertEquals(false, client.get("directAccessGrantsEnabled")),
                () -> assertEquals(false, client.get("serviceAccountsEnabled")),
                () -> assertEquals(List.of(settings.portal("/*")), client.get("redirectUris")));
        assertTrue(client.get("protocolMappers").toString().contains("oidc-usermodel-realm-role-mapper"));
        Map<String, Object> secret = keycloak.object("/oncology/clients/" + client.get("id") + "/client-secret");
        assertEquals(KeycloakAdmin.secrets(settings.dataDir()).getProperty("oncocds.oidc.client-secret"), secret.get(
                "value"), "the client secret generated into secrets.properties");

        Map<String, Object> api = keycloak.list("/oncology/clients?clientId=oncocds-api").get(0);
        assertAll(() -> assertEquals(false, api.get("publicClient")),
                () -> assertEquals(false, api.get("standardFlowEnabled")),
                () -> assertEquals(true, api.get("directAccessGrantsEnabled")),
                () -> assertEquals(false, api.get("serviceAccountsEnabled")));
        assertTrue(api.get("protocolMappers").toString().contains("oidc-audience-mapper"), api.toString());
        assertEquals(KeycloakAdmin.secrets(settings.dataDir()).getProperty("oncocds.api.client-secret"), keycloak
                .object("/oncology/clients/" + api.get("id") + "/client-secret").get("value"));
        assertEquals(USER_ADMINISTRATION_ROLES, keycloak.userAdministrationRoles());
        assertLoginEventsAreStored(keycloak);

        for (DemoUser demo : DemoUser.values()) {
            Map<String, Object> user = keycloak.list("/oncology/users?exact=true&username=" + demo.userName()).get(0);
            assertEquals(true, user.get("emailVerified"), demo.userName());
            assertEquals(List.of(), user.get("requiredActions"), demo.userName());
            List<Object> userRoles = keycloak.list("/oncology/users/" + user.get("id") + "/role-mappings/realm")
                    .stream().map(role -> role.get("name")).toList();
            assertTrue(userRoles.contains(demo.role()), demo.userName() + " has " + userRoles);
        }
    }

    @Test
    @Order(4)
    void apiTokensCarryTheApiAudienceAndTheUsersRoles() throws IOException, InterruptedException {
        for (DemoUser demo : DemoUser.values()) {
            Map<String, Object> claims = KeycloakAdmin.claims(KeycloakAdmin.apiToken(settings, demo));

            assertEquals(demo.userName(), claims.get("preferred_username"));
            assertEquals("Bearer", claims.get("typ"));
            assertEquals("http://127.0.0.1:" + settings.keycloakPort() + "/realms/oncology", claims.get("iss"));
            assertTrue(String.valueOf(claims.get("aud")).contains("oncocds-api"), claims.toString());
            assertEquals(List.of(demo.role()), claims.get("groups"));
        }
    }

    @Test
    @Order(5)
    void serversListenOnTheLoopbackInterfaceOnly() throws IOException {
        List<InetAddress> otherAddresses = nonLoopbackAddresses();
        assumeFalse(otherAddresses.isEmpty(), "this machine has no network address besides loopback");

        for (InetAddress address : otherAddresses) {
            for (int port : List.of(settings.port(), settings.keycloakPort())) {
                assertFalse(accepts(address, port), "something answers on " + address + ":" + port);
            }
        }
        assertTrue(accepts(InetAddress.getLoopbackAddress(), settings.port()));
    }

    @Test
    @Order(6)
    void clinicianSeesEachRefusedFieldAndNoPrediction() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.CLINICIAN, NEW_CASE);
            assertEquals(DemoUser.CLINICIAN.userName(), browser.text("#user-name"));
            assertTrue(browser.has("#nav-new-case"));
            assertFalse(browser.has("#nav-audit"));

            fillValidCase(browser);
            browser.type("age", "-3");
            browser.typeUnchecked("nodes", "several");
            browser.choose("sex", "");
            browser.submit("predict");

            assertTrue(browser.has("form#case-form"), "the form is shown again");
            assertFalse(browser.has("table#risks"), "no prediction is shown");
            assertAll(() -> assertTrue(browser.text("#error-age").contains("Age"), browser.text("#error-age")),
                    () -> assertFalse(browser.text("#error-nodes").isEmpty()),
                    () -> assertFalse(browser.text("#error-sex").isEmpty()),
                    () -> assertFalse(browser.has("#error-mrn")), () -> assertFalse(browser.has("#error-extent")));
        }
    }

    @Test
    @Order(7)
    void clinicianGetsTheRiskOfEachArmWithItsAuditRecordAndDecides() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.CLINICIAN, "/");
            browser.open(NEW_CASE);
            fillValidCase(browser);
            browser.submit("predict");
            browser.awaitUrlContaining(settings.portal("/cases/result"));

            List<String> arms = browser.all("table#risks tr[data-option]").stream().map(row -> row.getAttribute(
                    "data-option")).toList();
            assertEquals(TREATMENT_ARMS.size(), arms.size(), arms.toString());
            assertEquals(Set.copyOf(TREATMENT_ARMS), Set.copyOf(arms));
            assertFalse(browser.text("#model-version").isEmpty());
            assertTrue(browser.text("#patient-pseudonym").matches("[0-9a-f]{64}"), browser.text(
                    "#patient-pseudonym"));
            assertFalse(browser.pageSource().contains(MRN), "the result page does not repeat the MRN");
            auditRecordId = browser.text("#audit-record-id");
            assertFalse(auditRecordId.isEmpty());

            // The clinician decides against the lowest risk, with a reason in their own words: recorded as typed.
            browser.choose("chosenOption", highestRiskOption(browser));
            browser.type("reason", OVERRIDE_REASON);
            browser.submit("override");
            assertEquals("OVERRIDDEN", browser.element("#decision").getAttribute("data-decision"), browser
                    .visibleText());
            assertEquals(OVERRIDE_REASON, browser.text("#decision-reason"));
            assertFalse(browser.text("#decision-record-id").isEmpty());
            assertFalse(browser.has("#decision-form"), "one decision per recommendation");
        }
    }

    /** The option of the risk table with the highest predicted risk (never the lowest-risk one an override leaves). */
    private static String highestRiskOption(Browser browser) {
        return browser.all("table#risks tr[data-option]").stream().max(Comparator.comparingDouble(row -> Double
                .parseDouble(row.findElement(org.openqa.selenium.By.cssSelector("td.risk")).getText().replaceAll(
                        "[^0-9.,]", "").replace(',', '.'))))
                .orElseThrow().getAttribute("data-option");
    }

    @Test
    @Order(8)
    void clinicianIsRefusedTheAuditTrail() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.CLINICIAN, "/audit");

            assertTrue(browser.has("#access-denied"));
            assertFalse(browser.has("table#audit-records"));
        }
    }

    @Test
    @Order(9)
    void complianceOfficerIsRefusedNewCasesButSeesTheClinicianRecordOnly() {
        assertNotNull(auditRecordId,
                "the clinician's prediction (test 7) left no audit record id");
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, NEW_CASE);
            assertTrue(browser.has("#access-denied"));
            assertFalse(browser.has("form#case-form"));

            browser.open("/audit?kind=RECOMMENDATION");
            assertTrue(browser.has("#nav-audit"));
            assertFalse(browser.has("#nav-new-case"));
            List<WebElement> records = browser.all("table#audit-records tr[data-record-id]");
            // One prediction was made on this fresh installation; the refused form wrote nothing. (Logins, the demo
            // approvals and other governance events are records of their own kind.)
            assertEquals(List.of(auditRecordId), records.stream().map(row -> row.getAttribute("data-record-id"))
                    .toList());
            assertTrue(records.get(0).getText().contains(DemoUser.CLINICIAN.userName()), records.get(0).getText());
        }
    }

    @Test
    @Order(10)
    void complianceOfficerReviewsTheFairnessOfTheActiveModelsAndExportsTheAuditTrail() throws IOException,
            InterruptedException {
        assertNotNull(auditRecordId, "the clinician's prediction left no audit record id");
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, "/fairness");
            String version = TASK + "/1";
            WebElement row = browser.element("tr[data-model-version='" + version + "']");
            assertEquals("APPROVED", row.getAttribute("data-status"), row.getText());
            String reportId = row.findElement(org.openqa.selenium.By.cssSelector(
                    "tr[data-report-id][data-decision='APPROVED']")).getAttribute("data-report-id");

            browser.open("/fairness/report?id=" + reportId);
            assertEquals("APPROVED", browser.element("#decision").getAttribute("data-decision"));
            assertTrue(browser.text("#decision-comment").contains("for the demo environment only"));
            assertFalse(browser.all("svg.rate-chart").isEmpty(), "the per-group rates are drawn");
            HttpResponse<byte[]> pdf = browser.download("/fairness/export?id=" + reportId + "&format=pdf");
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
            assertEquals(200, browser.download("/fairness/export?id=" + reportId + "&format=csv").statusCode());

            // A new report of the same version: a sign-off without the mandatory comment is refused, nothing decided.
            browser.open("/fairness");
            browser.submitWith("button.create-report[data-model-version='" + version + "']");
            browser.awaitUrlContaining(settings.portal("/fairness/report"));
            assertTrue(browser.has("#fairness-decision-form"), browser.visibleText());
            browser.submit("approve");
            assertTrue(browser.has("#error-comment"), browser.visibleText());
            assertFalse(browser.has("#decision"));

            // The audit trail, filtered to recommendations, as CSV and as a FHIR R4 AuditEvent Bundle.
            String csv = new String(browser.download("/audit/export?format=csv&kind=RECOMMENDATION").body(),
                    StandardCharsets.UTF_8);
            assertTrue(csv.lines().anyMatch(line -> line.startsWith(auditRecordId + ",")), csv);
            String fhir = new String(browser.download("/audit/export?format=fhir&kind=RECOMMENDATION").body(),
                    StandardCharsets.UTF_8);
            assertTrue(fhir.replace(" ", "").contains("\"resourceType\":\"Bundle\""), fhir);
            assertFalse(csv.contains(MRN) || fhir.contains(MRN), "exports carry the pseudonym, never the MRN");
        }
    }

    @Test
    @Order(11)
    void adminSeesTheActiveModelVersionsAndClinicianIsRefusedGovernancePages() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.ADMIN, "/admin/models");
            for (String task : List.of("colon-recurrence-5y", "rotterdam-rfs-5y")) {
                assertEquals("ACTIVE", browser.element("tr[data-model-version='" + task + "/1']").getAttribute(
                        "data-state"), browser.visibleText());
            }
        }
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.CLINICIAN, "/admin/models");
            assertTrue(browser.has("#access-denied"));
            browser.open("/fairness");
            assertTrue(browser.has("#access-denied"));
        }
    }

    @Test
    @Order(12)
    void dataManagerRecordsAnOutcomeAndIsRefusedPredictionsAndTheAuditTrail() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.DATA_MANAGER, "/");
            assertEquals(DemoUser.DATA_MANAGER.userName(), browser.text("#user-name"));
            assertTrue(browser.has("#nav-outcomes"));
            assertFalse(browser.has("#nav-new-case"));

            browser.open("/outcomes");
            browser.type("mrn", MRN);
            browser.choose("taskId", "colon-recurrence-5y");
            browser.all("#outcome-event").get(0).click();
            browser.type("day", "400");
            browser.submit("record-outcome");
            assertTrue(browser.has("#outcome-recorded"), browser::pageSource);
            assertFalse(browser.pageSource().contains(MRN), "the confirmation shows the pseudonym, never the MRN");

            browser.open(NEW_CASE);
            assertTrue(browser.has("#access-denied"));
            browser.open("/audit");
            assertTrue(browser.has("#access-denied"));
        }
    }

    @Test
    @Order(12)
    void adminIsRefusedCasesAndTheAuditTrail() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.ADMIN, "/");
            assertEquals(DemoUser.ADMIN.userName(), browser.text("#user-name"));
            assertFalse(browser.has("#nav-new-case"));
            assertFalse(browser.has("#nav-audit"));

            browser.open(NEW_CASE);
            assertTrue(browser.has("#access-denied"));
            browser.open("/audit");
            assertTrue(browser.has("#access-denied"));
        }
    }

    @Test
    @Order(13)
    void apiAnswersTheClinicianWithAnAuditedRecommendation() throws IOException, InterruptedException {
        PortalApi clinician = new PortalApi(URI.create(settings.portal("")), KeycloakAdmin.apiToken(settings,
                DemoUser.CLINICIAN));

        PortalApi.Answer answer = clinician.post(RECOMMENDATIONS, apiCase("61"));

        assertEquals(200, answer.status(), answer.body());
        JsonObject comparison = answer.object();
        assertTrue(comparison.getJsonNumber("auditRecordId").longValue() > 0, answer.body());
        assertEquals(Set.copyOf(TREATMENT_ARMS), comparison.getJsonArray("options").stream().map(option -> option
                .asJsonObject().getString("option")).collect(Collectors.toSet()));
        assertTrue(comparison.getString("patientPseudonym").matches("[0-9a-f]{64}"), answer.body());
        assertFalse(answer.body().contains(MRN), "the API does not answer the MRN back");

        PortalApi.Answer refused = clinician.post(RECOMMENDATIONS, apiCase("-3"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.problems().startsWith("values.age: "), refused.problems());
    }

    @Test
    @Order(14)
    void apiRefusesMissingForgedAndForeignTokensAndTheWrongRole() throws IOException, InterruptedException {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(settings
                .portal(RECOMMENDATIONS))).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(apiCase("61").toString())).build(),
                HttpResponse.BodyHandlers
                        .ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(anonymous.body().contains("\"status\":401"), "JSON, not a login redirect: " + anonymous.body());

        String token = KeycloakAdmin.apiToken(settings, DemoUser.CLINICIAN);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        URI portal = URI.create(settings.portal(""));
        assertEquals(401, new PortalApi(portal, forged).post(RECOMMENDATIONS, apiCase("61")).status());
        assertEquals(401, new PortalApi(portal, KeycloakAdmin.signIn(settings).accessToken()).post(RECOMMENDATIONS,
                apiCase("61")).status(), "a token of Keycloak's master realm");

        PortalApi.Answer complianceAsksForARecommendation = new PortalApi(portal, KeycloakAdmin.apiToken(settings,
                DemoUser.COMPLIANCE_OFFICER)).post(RECOMMENDATIONS, apiCase("61"));
        assertEquals(403, complianceAsksForARecommendation.status(), complianceAsksForARecommendation.body());
        assertTrue(complianceAsksForARecommendation.problems().startsWith("role: "));
        assertEquals(403, new PortalApi(portal, token).get("/api/bias-reports/1").status(),
                "a clinician may not read bias reports");
    }

    @Test
    @Order(15)
    void adminAddsATaskFromAnUploadedDatasetAndTrainsItsFirstVersion() throws IOException {
        Path dataset = colonRecurrenceRows();
        // The 10th data row (line 11: the header is line 1) with an age that is not a number.
        Path malformed = withCell(dataset, 11, "age", "sixty");
        Path definition = settings.dataDir().resolveSibling("e2e-upload").resolve(UPLOADED_TASK + ".json");
        Files.writeString(definition, UPLOADED_DEFINITION);
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.ADMIN, "/admin/tasks");
            assertEquals("false", browser.element("tr.task[data-task='" + TASK + "']").getAttribute("data-uploaded"));

            browser.open("/admin/tasks/new");
            browser.attach("dataset", malformed);
            browser.attach("definitionFile", definition);
            browser.submit("add-task");
            WebElement problem = browser.element("#upload-problems li.upload-problem[data-column='age']");
            assertEquals("11", problem.getAttribute("data-row"), problem.getText());
            assertTrue(problem.getText().contains("sixty") || problem.getText().contains("age"), problem.getText());
            assertFalse(browser.has("#task-added"), "nothing was added");

            browser.open("/admin/tasks/new");
            browser.attach("dataset", dataset);
            browser.attach("definitionFile", definition);
            browser.submit("add-task");
            browser.awaitUrlContaining(settings.portal("/admin/tasks?added="));
            assertEquals("true", browser.element("tr.task[data-task='" + UPLOADED_TASK + "']").getAttribute(
                    "data-uploaded"));
            browser.submitWith("#task-added[data-task='" + UPLOADED_TASK + "'] a#train-new-task");
            browser.awaitUrlContaining(settings.portal("/admin/train"));
            browser.submitWith("a#algorithm-logistic");
            browser.submit("start-training");
            browser.awaitUrlContaining(settings.portal("/admin/job"));
            String job = browser.currentUrl().substring(browser.currentUrl().indexOf("/admin/job"));
            // Cross-validation and the bootstrap models run in the background; the page reloads itself meanwhile.
            browser.reloadUntil(job,
                    "main#training-job[data-status='SUCCEEDED'], main#training-job[data-status='FAILED']",
                    "", TRAINING_WAIT);
            assertEquals("SUCCEEDED", browser.element("main#training-job").getAttribute("data-status"), browser
                    .visibleText());
            String version = browser.text("#job-version a");
            assertEquals(UPLOADED_TASK + "/1", version);

            browser.open("/admin/models");
            assertEquals("VALIDATED", browser.element("section.admin-task[data-task='" + UPLOADED_TASK
                    + "'] tr[data-model-version='" + version + "']").getAttribute("data-state"), browser
                            .visibleText());
        }
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, "/audit?kind=GOVERNANCE&user=admin");
            assertTrue(browser.all("td.governance[data-action='TASK_ADDED']").stream().anyMatch(cell -> cell.getText()
                    .contains(UPLOADED_TASK)), browser.visibleText());
        }
    }

    /** The recurrence rows (etype 1) of the colon-cancer trial data the build ships: a real dataset of 929 patients. */
    private static Path colonRecurrenceRows() throws IOException {
        Path shipped = settings.startScript().getParent().resolveSibling(
                "prediction-ejb/src/main/resources/datasets/colon.csv");
        List<String> lines = Files.readAllLines(shipped);
        List<String> recurrences = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(line -> line.endsWith(",1")).forEach(recurrences::add);
        assertEquals(929, recurrences.size() - 1, "one recurrence row per patient");
        Path directory = Files.createDirectories(settings.dataDir().resolveSibling("e2e-upload"));
        return Files.write(directory.resolve("colon-recurrence.csv"), recurrences);
    }

    /** A copy of the CSV file with the cell of the named column on the given line (header = 1) replaced. */
    private static Path withCell(Path csv, int line, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        int index = List.of(lines.get(0).replace("\"", "").split(",")).indexOf(column);
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[index] = value;
        lines.set(line - 1, String.join(",", cells));
        return Files.write(csv.resolveSibling("malformed-" + csv.getFileName()), lines);
    }

    @Test
    @Order(16)
    void logoutEndsThePortalAndTheKeycloakSession() {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.CLINICIAN, "/");
            browser.submit("logout");
            browser.awaitUrlContaining(settings.portal("/signed-out"));

            browser.open("/");
            // Signed out of Keycloak too: the portal sends the browser to the login form, not straight back in.
            browser.awaitUrlContaining(settings.keycloakLoginPath());
            assertTrue(browser.has("#username"));
        }
    }

    @Test
    @Order(17)
    void aFailedLoginAtKeycloakBecomesAGovernanceRecord() {
        try (Browser browser = Browser.open(settings)) {
            browser.failSignIn(DemoUser.CLINICIAN, WRONG_PASSWORD, "/");
            assertTrue(browser.currentUrl().contains("127.0.0.1:" + settings.keycloakPort() + "/realms/oncology/"),
                    "still at Keycloak: " + browser.currentUrl());
            assertTrue(browser.has("#password"), "Keycloak shows its login form again");
        }
        // The portal imports Keycloak's LOGIN_ERROR events in the background (every 5 s in the tests, StartedSystem).
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, "/audit?kind=GOVERNANCE");
            String record = browser.reloadUntil("/audit?kind=GOVERNANCE", "td.governance[data-action='LOGIN_FAILED']",
                    "user " + DemoUser.CLINICIAN.userName(), FAILED_LOGIN_IMPORT_WAIT).getText();
            assertFalse(record.contains(WRONG_PASSWORD), "the typed password is never recorded: " + record);
            assertFalse(browser.pageSource().contains(WRONG_PASSWORD), "the typed password is never shown");
        }
    }

    @Test
    @Order(18)
    void secretsStayInTheDataDirectoryAndOutOfEveryLog() throws IOException {
        Path secretsFile = settings.dataDir().resolve("secrets.properties");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files
                .getPosixFilePermissions(secretsFile));
        Properties secrets = KeycloakAdmin.secrets(settings.dataDir());
        List<String> secretValues = secrets.stringPropertyNames().stream().map(secrets::getProperty).toList();
        assertEquals(6, secretValues.size(), "portal client secret, pseudonym key, audit seal key, Keycloak admin "
                + "password, API client secret, user-administration client secret");

        List<String> texts = new ArrayList<>(List.of(system.output()));
        try (Stream<Path> logs = Files.list(settings.dataDir().resolve("logs"))) {
            for (Path log : logs.toList()) {
                texts.add(Files.readString(log));
            }
        }
        for (String text : texts) {
            secretValues.forEach(secret -> assertFalse(text.contains(secret), "a secret is printed or logged"));
            assertFalse(text.contains(MRN), "the MRN is printed or logged");
            assertFalse(text.contains(WRONG_PASSWORD), "a typed password is printed or logged");
        }
    }

    @Test
    @Order(19)
    void secondStartOnAnotherPortKeepsTheAuditTrail() throws IOException, InterruptedException {
        assertNotNull(auditRecordId,
                "the clinician's prediction (test 7) left no audit record id");
        // A data directory made by the first start.sh (realm revision 1) had neither the API nor the
        // user-administration client: the next start must add them without touching the rest of the realm.
        KeycloakAdmin keycloak = KeycloakAdmin.signIn(settings);
        for (String client : List.of("oncocds-api", "oncocds-user-admin")) {
            keycloak.delete("/oncology/clients/" + keycloak.list("/oncology/clients?clientId=" + client).get(0).get(
                    "id"));
        }
        // Nor the data manager (revision 3).
        keycloak.delete("/oncology/users/" + keycloak
                .list("/oncology/users?exact=true&username=" + DemoUser.DATA_MANAGER.userName()).get(0).get("id"));
        keycloak.delete("/oncology/roles/" + DemoUser.DATA_MANAGER.role());
        // Nor stored login events (revision 4).
        keycloak.put("/oncology/events/config", "{\"eventsEnabled\": false, \"enabledEventTypes\": []}");
        Path state = settings.dataDir().resolve("state.properties");
        Files.writeString(state, Files.readString(state).replace("realm.revision=4", "realm.revision=1"));
        system.stopCleanly();

        // The realm was imported for the first port: start.sh must move the client's redirect URIs along.
        settings = settings.withPort(settings.port() + 1);
        system = StartedSystem.start(settings);
        assertFalse(system.output().contains("First start"), "the second start reuses the secrets");
        assertTrue(system.output().contains("Upgrading the Keycloak realm oncology from revision 1 to 4"), system
                .output());
        // The demo approvals are for the shipped tasks only: the task the admin uploaded keeps its version VALIDATED.
        PortalApi admin = new PortalApi(URI.create(settings.portal("")), KeycloakAdmin.apiToken(settings,
                DemoUser.ADMIN));
        if (admin.get("/api/tasks").requireSuccess().body().contains("\"" + UPLOADED_TASK + "\"")) {
            assertTrue(system.output().contains("Demo models: " + UPLOADED_TASK + " was added by an administrator"),
                    system.output());
            assertTrue(admin.get("/api/tasks/" + UPLOADED_TASK + "/model-versions").requireSuccess().array().stream()
                    .noneMatch(version -> "ACTIVE".equals(version.asJsonObject().getString("state"))), "not activated");
        }
        KeycloakAdmin upgraded = KeycloakAdmin.signIn(settings);
        assertEquals(USER_ADMINISTRATION_ROLES, upgraded.userAdministrationRoles());
        assertLoginEventsAreStored(upgraded);
        assertEquals(List.of("clinician"), KeycloakAdmin.claims(KeycloakAdmin.apiToken(settings, DemoUser.CLINICIAN))
                .get("groups"));
        assertEquals(List.of("data-manager"), KeycloakAdmin.claims(KeycloakAdmin.apiToken(settings,
                DemoUser.DATA_MANAGER)).get("groups"));
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, "/");
            browser.open("/audit?kind=RECOMMENDATION");
            assertTrue(browser.has("table#audit-records tr[data-record-id='" + auditRecordId + "']"), browser
                    .visibleText());
        }
    }

    @Test
    @Order(20)
    void ctrlCStopsKeycloakAndThePortal() throws InterruptedException {
        List<ProcessHandle> servers = system.descendants();
        assertFalse(servers.isEmpty());

        system.stopCleanly();

        assertTrue(servers.stream().noneMatch(ProcessHandle::isAlive), "Keycloak and Payara Micro have ended");
        assertFalse(accepts(InetAddress.getLoopbackAddress(), settings.port()));
        assertFalse(accepts(InetAddress.getLoopbackAddress(), settings.keycloakPort()));
    }

    /** Realm revision 4: Keycloak stores the login events the portal imports (failed logins) and keeps them 30 days. */
    private static void assertLoginEventsAreStored(KeycloakAdmin keycloak) throws IOException, InterruptedException {
        Map<String, Object> events = keycloak.object("/oncology/events/config");
        assertEquals(true, events.get("eventsEnabled"), events.toString());
        assertEquals(2_592_000, ((Number) events.get("eventsExpiration")).intValue(), events.toString());
        assertTrue(((List<?>) events.get("enabledEventTypes")).containsAll(List.of("LOGIN", "LOGIN_ERROR", "LOGOUT")),
                events.toString());
    }

    /** A complete, plausible case: a 61-year-old man, 3 positive nodes, moderately differentiated, serosa. */
    private static void fillValidCase(Browser browser) {
        browser.type("mrn", MRN);
        browser.choose("sex", "1");
        browser.type("age", "61");
        browser.choose("obstruct", "0");
        browser.choose("perfor", "0");
        browser.choose("adhere", "0");
        browser.choose("surg", "0");
        browser.type("nodes", "3");
        browser.choose("differ", "2");
        browser.choose("extent", "3");
        browser.choose("referenceOption", "Obs");
    }

    /** The case of {@link #fillValidCase} as the REST API takes it, with the given age. */
    private static JsonObject apiCase(String age) {
        return Json.createObjectBuilder().add("mrn", MRN).add("referenceOption", "Obs").add("values", Json
                .createObjectBuilder().add("sex", "1").add("age", age).add("obstruct", "0").add("perfor", "0").add(
                        "adhere", "0")
                .add("surg", "0").add("nodes", "3").add("differ", "2").add("extent", "3"))
                .build();
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(Inet4Address.class::isInstance).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
