package org.oncocds.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts that start.sh must refuse at once, with one clear line and a distinct exit code instead of a stack trace: a
 * port already taken, a malformed option, a further portal server without a database server or an installation.
 */
class StartRefusalsE2E {

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_PORT_IN_USE = 3;
    private static final int EXIT_START_FAILED = 4;

    private static E2eSettings settings;
    private static Path dataDir;

    @BeforeAll
    static void settings() {
        settings = E2eSettings.fromSystemProperties();
        dataDir = settings.dataDir().resolveSibling("e2e-refusals-data");
    }

    @Test
    void portalPortInUse() throws IOException, InterruptedException {
        try (ServerSocket taken = occupiedPort(); ServerSocket free = occupiedPort()) {
            int keycloakPort = free.getLocalPort();
            free.close();

            StartedSystem.Finished run = StartedSystem.run(settings, options(taken.getLocalPort(), keycloakPort));

            assertEquals(EXIT_PORT_IN_USE, run.exitCode(), run.output());
            assertOneLine(run.output(), "port " + taken.getLocalPort() + " (the portal) is already in use", "--port");
        }
    }

    @Test
    void keycloakPortInUse() throws IOException, InterruptedException {
        try (ServerSocket taken = occupiedPort(); ServerSocket free = occupiedPort()) {
            int portalPort = free.getLocalPort();
            free.close();

            StartedSystem.Finished run = StartedSystem.run(settings, options(portalPort, taken.getLocalPort()));

            assertEquals(EXIT_PORT_IN_USE, run.exitCode(), run.output());
            assertOneLine(run.output(), "port " + taken.getLocalPort() + " (Keycloak) is already in use",
                    "--keycloak-port");
        }
    }

    @Test
    void portThatIsNoNumber() throws IOException, InterruptedException {
        StartedSystem.Finished run = StartedSystem.run(settings, List.of("--skip-build", "--port", "80a"));

        assertEquals(EXIT_USAGE, run.exitCode(), run.output());
        assertOneLine(run.output(), "must be a port number", "'80a'");
    }

    @Test
    void unknownOption() throws IOException, InterruptedException {
        StartedSystem.Finished run = StartedSystem.run(settings, List.of("--skip-build", "--prot", "8080"));

        assertEquals(EXIT_USAGE, run.exitCode(), run.output());
        assertTrue(run.output().contains("unknown option '--prot'"), run.output());
        assertTrue(run.output().contains("Usage:"), "the usage is shown: " + run.output());
    }

    @Test
    void morePortalServersNeedADatabaseServer() throws IOException, InterruptedException {
        StartedSystem.Finished run = StartedSystem.run(settings, List.of("--skip-build", "--portal-only", "--port",
                "18999"));

        assertEquals(EXIT_USAGE, run.exitCode(), run.output());
        assertOneLine(run.output(), "--portal-only needs --db-properties", "H2");
    }

    @Test
    void portalOnlyWithoutARunningInstallation() throws IOException, InterruptedException {
        Path dbProperties = Files.createTempFile("oncocds-refusals-", ".properties");
        try (ServerSocket free = occupiedPort()) {
            int keycloakPort = free.getLocalPort();
            free.close();
            Files.writeString(dbProperties, "oncocds.db.url=jdbc:postgresql://127.0.0.1:1/none\n");

            StartedSystem.Finished run = StartedSystem.run(settings, List.of("--skip-build", "--portal-only",
                    "--port", "18999", "--keycloak-port", String.valueOf(keycloakPort), "--data-dir", dataDir
                            .toString(),
                    "--db-properties", dbProperties.toString()));

            assertEquals(EXIT_START_FAILED, run.exitCode(), run.output());
            assertOneLine(run.output(), "--portal-only", "holds no installation");
        } finally {
            Files.deleteIfExists(dbProperties);
        }
    }

    private static List<String> options(int portalPort, int keycloakPort) {
        return List.of("--skip-build", "--port", String.valueOf(portalPort), "--keycloak-port", String.valueOf(
                keycloakPort), "--data-dir", dataDir.toString());
    }

    private static ServerSocket occupiedPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static void assertOneLine(String output, String... parts) {
        List<String> lines = output.strip().lines().toList();
        assertEquals(1, lines.size(), "one line, not a stack trace: " + output);
        for (String part : parts) {
            assertTrue(lines.get(0).contains(part), "'" + part + "' in: " + output);
        }
        assertFalse(output.contains("Exception"), output);
    }
}
