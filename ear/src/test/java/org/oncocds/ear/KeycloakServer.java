package org.oncocds.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A Keycloak in development mode on 127.0.0.1 with the portal's realm imported, started afresh (its own H2 store
 * deleted) and stopped with the test. The realm file takes the portal's port and client secret from the environment,
 * as in the one-command start.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Path log;
    private final String realmUri;

    private KeycloakServer(Process process, Path log, String realmUri) {
        this.process = process;
        this.log = log;
        this.realmUri = realmUri;
    }

    static KeycloakServer start(Path home, Path realmFile, int port, Map<String, String> environment, Path log) {
        try {
            deleteRecursively(home.resolve("data"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, home.resolve("data/import").resolve(realmFile.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host", "127.0.0.1", "--http-port", Integer.toString(port), "--http-management-port",
                    Integer.toString(port + 1), "--import-realm").directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "smoke-test-keycloak-admin");
            Process process = builder.start();
            process.getOutputStream().close();
            return new KeycloakServer(process, log, "http://127.0.0.1:" + port + "/realms/");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    /** The provider URI of a realm, as the portal is configured with it. */
    String realm(String name) {
        return realmUri + name;
    }

    /** Waits until the realm's discovery document answers; fails with Keycloak's log if it dies or takes too long. */
    void awaitRealm(String name) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI discovery = URI.create(realm(name) + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak ended with exit code " + process.exitValue() + ":\n" + log());
            }
            if (answers(http, discovery)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + START_TIMEOUT + ":\n"
                + log());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
