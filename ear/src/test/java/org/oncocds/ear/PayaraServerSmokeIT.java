package org.oncocds.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR as an administrator deploys it: a fresh Payara Server 6 domain (port base 24800), the configuration as
 * server system properties, {@code asadmin deploy}; then the portal must report itself UP (the WAR, the prediction
 * EJB's trained model and the audit module's data source all work) and send an unauthenticated visitor to the
 * identity provider. The domain is stopped at the end, also when something fails.
 */
class PayaraServerSmokeIT {

    private static final String DOMAIN = "oncocds-it";
    private static final String REALM = "oncology";
    private static final String CLIENT_ID = "oncocds-portal";
    private static final int PORT_BASE = Integer.getInteger("payara.portbase", 24800);
    /** Beyond every port Payara derives from the port base (the highest is base + 86). */
    private static final int IDENTITY_PROVIDER_PORT = PORT_BASE + 99;

    private static Path work;
    private static PayaraDomain domain;
    private static OpenIdProviderDiscovery identityProvider;
    /** Stops the domain when the test JVM is ended early (Ctrl-C in Maven), so no server is left running. */
    private static final Thread STOP_ON_EXIT = new Thread(PayaraServerSmokeIT::stopTheDomain, "stop-payara-domain");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @RegisterExtension
    static final ServerLogOnFailure SERVER_LOG = new ServerLogOnFailure(() -> domain);

    @BeforeAll
    static void deployTheEarOnAFreshDomain() throws IOException {
        work = Path.of(System.getProperty("it.work.dir", "target/smoke-test")).toAbsolutePath();
        deleteRecursively(work);
        identityProvider = OpenIdProviderDiscovery.start(IDENTITY_PROVIDER_PORT, REALM);
        domain = new PayaraDomain(Path.of(System.getProperty("payara.home", "target/payara6")), DOMAIN, PORT_BASE,
                work.resolve("asadmin"));

        Runtime.getRuntime().addShutdownHook(STOP_ON_EXIT);
        domain.createAfresh();
        domain.start();
        domain.listenOnLoopbackOnly();
        domain.setSystemProperties(Map.of(
                "oncocds.db.url", "jdbc:h2:file:" + work.resolve("h2/oncocds"),
                "oncocds.db.user", "oncocds",
                "oncocds.db.password", "smoke-test-database-password",
                "oncocds.pseudonym.key", "5e3a1c0f9b7d46e28a61c4f03d9b2e7a5e3a1c0f9b7d46e28a61c4f03d9b2e7a",
                "oncocds.oidc.provider-uri", identityProvider.issuer(),
                "oncocds.oidc.client-id", CLIENT_ID,
                "oncocds.oidc.client-secret", "smoke-test-client-secret"));
        domain.deploy(Path.of(System.getProperty("oncocds.ear", "target/oncocds.ear")).toAbsolutePath(), "oncocds",
                "/");
    }

    @AfterAll
    static void stopTheDomainAfterTheTests() {
        Runtime.getRuntime().removeShutdownHook(STOP_ON_EXIT);
        stopTheDomain();
    }

    private static void stopTheDomain() {
        try {
            if (domain != null) {
                domain.stop();
            }
        } finally {
            if (identityProvider != null) {
                identityProvider.close();
            }
        }
    }

    @Test
    void statusIsUpOnceTheModelIsTrainedAndTheDatabaseAnswers() {
        HttpResponse<String> status = get("/status");

        assertEquals(200, status.statusCode(), () -> "GET /status answered " + status.body());
        assertTrue(status.body().contains("\"status\":\"UP\""), () -> "GET /status answered " + status.body());
        assertTrue(Files.isRegularFile(work.resolve("h2/oncocds.mv.db")),
                "the audit database is not where oncocds.db.url (a server system property) points");
    }

    @Test
    void anUnauthenticatedVisitorOfTheHomePageIsSentToTheIdentityProvider() {
        HttpResponse<String> home = get("/");
        String location = home.headers().firstValue("Location").orElse("");

        assertTrue(home.statusCode() == 302 || home.statusCode() == 303,
                () -> "GET / without a login answered " + home.statusCode() + " " + home.body());
        assertTrue(location.startsWith(identityProvider.authorizationEndpoint() + "?"),
                () -> "redirected to " + location + " instead of " + identityProvider.authorizationEndpoint());
        assertTrue(location.contains("client_id=" + CLIENT_ID), () -> "no client_id=" + CLIENT_ID + " in " + location);
        String callback = URLEncoder.encode(baseUrl() + "/callback", StandardCharsets.UTF_8);
        assertTrue(location.contains("redirect_uri=" + callback), () -> "no redirect_uri=" + callback + " in "
                + location);
    }

    private static HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + domain.httpPort();
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
