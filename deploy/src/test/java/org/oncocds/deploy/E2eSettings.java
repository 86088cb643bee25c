package org.oncocds.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the end-to-end tests start OncoCDS: the start script, the ports and the data directory, from the system
 * properties the build sets (deploy/pom.xml).
 */
record E2eSettings(Path startScript, Path dataDir, int port, int keycloakPort) {

    static E2eSettings fromSystemProperties() {
        Path startScript = Path.of(required("oncocds.start-script"));
        if (!Files.isRegularFile(startScript)) {
            throw new IllegalStateException("No start script at " + startScript);
        }
        return new E2eSettings(startScript, Path.of(required("oncocds.e2e.data-dir")), Integer.parseInt(required(
                "oncocds.e2e.port")), Integer.parseInt(required("oncocds.e2e.keycloak-port")));
    }

    /** A system property the build sets (deploy/pom.xml). */
    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }

    /** The same installation (data directory) with the portal moved to another port. */
    E2eSettings withPort(int otherPort) {
        return new E2eSettings(startScript, dataDir, otherPort, keycloakPort);
    }

    /** The options of README command 1, with the test's ports and data directory. */
    List<String> startOptions() {
        return List.of("--skip-build", "--port", String.valueOf(port), "--keycloak-port", String.valueOf(
                keycloakPort), "--data-dir", dataDir.toString());
    }

    /** The portal's address, with a path such as {@code /audit}. */
    String portal(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The realm's issuer, as the portal is configured with it. */
    String realmUri() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/oncology";
    }

    /** Where Keycloak's login form for the oncology realm lives. */
    String keycloakLoginPath() {
        return "127.0.0.1:" + keycloakPort + "/realms/oncology/protocol/openid-connect/auth";
    }
}
