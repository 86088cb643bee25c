package org.oncocds.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR as an administrator deploys it: a fresh Payara Server 6 domain (port base 24800), the configuration as
 * server system properties, {@code asadmin deploy}; Keycloak with the portal's realm (HTTP 24890). The portal must
 * report itself UP (the WAR, the prediction EJB's trained model and the audit module's data source all work), send an
 * anonymous visitor to Keycloak, take the compliance officer's approval and the administrator's activation of a model
 * version through its REST API (bearer tokens), and serve logged-in users by their roles: inside the EAR the EJB
 * modules' role checks and the audit write must work as in Payara Micro. The domain and Keycloak are stopped at the end, also when
 * something fails.
 */
class PayaraServerSmokeIT {

    private static final String DOMAIN = "oncocds-it";
    private static final String REALM = "oncology";
    private static final String CLIENT_ID = "oncocds-portal";
    private static final String CLIENT_SECRET = "smoke-test-client-secret";
    private static final String API_CLIENT_SECRET = "smoke-test-api-client-secret";
    private static final String USER_ADMIN_CLIENT_SECRET = "smoke-test-user-admin-client-secret";
    private static final String TASK = "colon-recurrence-5y";
    private static final int PORT_BASE = Integer.getInteger("payara.portbase", 24800);
    /** Beyond every port Payara derives from the port base (the highest is base + 86); management on the next one. */
    private static final int KEYCLOAK_PORT = PORT_BASE + 90;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RECORD_ID = Pattern.compile("id=\"audit-record-id\"[^>]*>\\s*(\\d+)\\s*<");

    private static Path work;
    private static PayaraDomain domain;
    private static KeycloakServer keycloak;
    /** Stops the servers when the test JVM is ended early (Ctrl-C in Maven), so nothing is left running. */
    private static final Thread STOP_ON_EXIT = new Thread(PayaraServerSmokeIT::stopTheServers, "stop-servers");

    @RegisterExtension
    static final ServerLogOnFailure SERVER_LOG = new ServerLogOnFailure(() -> domain);

    @BeforeAll
    static void deployTheEarOnAFreshDomain() throws IOException {
        work = Path.of(System.getProperty("it.work.dir", "target/smoke-test")).toAbsolutePath();
        deleteRecursively(work);
        domain = new PayaraDomain(Path.of(System.getProperty("payara.home", "target/payara6")), DOMAIN, PORT_BASE,
                work.resolve("asadmin"));
        Runtime.getRuntime().addShutdownHook(STOP_ON_EXIT);

        // Keycloak starts while the domain is created and the EAR deployed; deployment does not need it.
        keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("keycloak.realm.file")), KEYCLOAK_PORT,
                Map.of("ONCOCDS_OIDC_CLIENT_SECRET", CLIENT_SECRET, "ONCOCDS_API_CLIENT_SECRET", API_CLIENT_SECRET,
                        "ONCOCDS_USER_ADMIN_CLIENT_SECRET", USER_ADMIN_CLIENT_SECRET, "ONCOCDS_PORT", Integer
                                .toString(domain.httpPort())),
                work.resolve("keycloak.log"));
        domain.createAfresh();
        domain.start();
        domain.listenOnLoopbackOnly();
        domain.setSystemProperties(Map.of(
                "oncocds.db.url", "jdbc:h2:file:" + work.resolve("h2/oncocds"),
                "oncocds.db.user", "oncocds",
                "oncocds.db.password", "smoke-test-database-password",
                "oncocds.pseudonym.key", "5e3a1c0f9b7d46e28a61c4f03d9b2e7a5e3a1c0f9b7d46e28a61c4f03d9b2e7a",
                "oncocds.audit.seal-key", "c41d7e09a2b85f3e6d1c0b9a8f7e6d5cc41d7e09a2b85f3e6d1c0b9a8f7e6d5c",
                "oncocds.oidc.provider-uri", keycloak.realm(REALM),
                "oncocds.oidc.client-id", CLIENT_ID,
                "oncocds.oidc.client-secret", CLIENT_SECRET));
        domain.deploy(Path.of(System.getProperty("oncocds.ear", "target/oncocds.ear")).toAbsolutePath(), "oncocds",
                "/");
        keycloak.awaitRealm(REALM);
        // No model answers a clinician before its bias report is approved and an administrator activated it.
        new ModelActivation(portal("/"), URI.create(keycloak.realm(REALM)), API_CLIENT_SECRET).approveAndActivate(
                TASK, "compliance", "compliance-demo", "admin", "admin-demo");
    }

    @AfterAll
    static void stopTheServersAfterTheTests() {
        Runtime.getRuntime().removeShutdownHook(STOP_ON_EXIT);
        stopTheServers();
    }

    private static void stopTheServers() {
        try {
            if (domain != null) {
                domain.stop();
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    @Test
    void statusIsUpOnceTheModelIsTrainedAndTheDatabaseAnswers() {
        HttpResponse<String> status = new BrowserSession().get(portal("/status"));

        assertEquals(200, status.statusCode(), () -> "GET /status answered " + status.body());
        assertTrue(status.body().contains("\"status\":\"UP\""), () -> "GET /status answered " + status.body());
        assertTrue(Files.isRegularFile(work.resolve("h2/oncocds.mv.db")),
                "the audit database is not where oncocds.db.url (a server system property) points");
    }

    @Test
    void anUnauthenticatedVisitorOfTheHomePageIsSentToKeycloak() {
        HttpResponse<String> home = new BrowserSession().get(portal("/"));
        String location = home.headers().firstValue("Location").orElse("");
        String authorizationEndpoint = keycloak.realm(REALM) + "/protocol/openid-connect/auth?";

        assertTrue(home.statusCode() == 302 || home.statusCode() == 303,
                () -> "GET / without a login answered " + home.statusCode() + " " + home.body());
        assertTrue(location.startsWith(authorizationEndpoint),
                () -> "redirected to " + location + " instead of " + authorizationEndpoint);
        assertTrue(location.contains("client_id=" + CLIENT_ID), () -> "no client_id=" + CLIENT_ID + " in " + location);
        String callback = URLEncoder.encode(portal("/callback").toString(), StandardCharsets.UTF_8);
        assertTrue(location.contains("redirect_uri=" + callback), () -> "no redirect_uri=" + callback + " in "
                + location);
    }

    @Test
    void aClinicianGetsAnAuditedPredictionThatOnlyTheComplianceOfficerCanReview() {
        BrowserSession clinician = new BrowserSession();
        HttpResponse<String> home = clinician.logIn(portal("/"), "clinician", "clinician-demo");
        assertEquals(200, home.statusCode(), () -> "the clinician's home page answered " + home.body());
        assertTrue(home.body().contains("id=\"user-name\""), () -> "no #user-name on the home page:\n" + home.body());

        HttpResponse<String> result = predict(clinician);
        assertEquals(200, result.statusCode(), () -> "the result page answered " + result.body());
        for (String option : List.of("Obs", "Lev", "Lev+5FU")) {
            assertTrue(result.body().contains("data-option=\"" + option + "\""), () -> "no row for " + option);
        }
        Matcher recordId = RECORD_ID.matcher(result.body());
        assertTrue(recordId.find(), () -> "no #audit-record-id on the result page:\n" + result.body());
        assertEquals(403, clinician.get(portal("/audit")).statusCode(), "a clinician opened the audit page");

        BrowserSession complianceOfficer = new BrowserSession();
        complianceOfficer.logIn(portal("/"), "compliance", "compliance-demo");
        HttpResponse<String> audit = complianceOfficer.get(portal("/audit"));
        assertEquals(200, audit.statusCode(), () -> "the audit page answered " + audit.body());
        assertTrue(audit.body().contains("data-record-id=\"" + recordId.group(1) + "\""),
                () -> "record " + recordId.group(1) + " is not on the audit page:\n" + audit.body());
        assertEquals(403, complianceOfficer.get(newCase()).statusCode(), "a compliance officer opened New case");
    }

    private static HttpResponse<String> predict(BrowserSession clinician) {
        HttpResponse<String> form = clinician.get(newCase());
        Matcher csrf = CSRF.matcher(form.body());
        assertTrue(csrf.find(), () -> "no CSRF token in the case form:\n" + form.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf.group(1));
        fields.put("mrn", "EAR-SMOKE-0001");
        fields.putAll(Map.of("sex", "1", "age", "61", "obstruct", "0", "perfor", "0", "adhere", "0", "surg", "0",
                "nodes", "3", "differ", "2", "extent", "3"));
        fields.put("referenceOption", "Obs");
        HttpResponse<String> posted = clinician.post(newCase(), fields);
        assertEquals(302, posted.statusCode(), () -> "POST /cases/new answered " + posted.statusCode() + " "
                + posted.body());
        return clinician.follow(posted);
    }

    private static URI newCase() {
        return portal("/cases/new?task=" + TASK);
    }

    private static URI portal(String path) {
        return URI.create("http://127.0.0.1:" + domain.httpPort() + path);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
