package org.oncocds.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL 15 on 127.0.0.1 made by {@code deploy/local-postgresql.sh}, prepared as docs/audit-trail.md
 * tells an administrator (owner role, application role that may only read and append audit rows).
 */
final class LocalPostgres {

    private final Path script;
    private final Path directory;
    private final int port;

    LocalPostgres(E2eSettings settings, Path directory, int port) {
        this.script = settings.startScript().resolveSibling("local-postgresql.sh");
        this.directory = directory;
        this.port = port;
    }

    void start() throws IOException, InterruptedException {
        run("start");
    }

    /** Stops the server if this test made one. */
    void stop() throws IOException, InterruptedException {
        if (Files.isDirectory(directory)) {
            run("stop");
        }
    }

    /** The file for {@code start.sh --db-properties}: the application role's connection. */
    Path dbProperties() {
        return directory.resolve("oncocds-db.properties");
    }

    /** The application role's connection settings ({@code oncocds.db.url}, {@code .user}, {@code .password}). */
    Properties connection() throws IOException {
        Properties database = new Properties();
        try (Reader reader = Files.newBufferedReader(dbProperties())) {
            database.load(reader);
        }
        return database;
    }

    private void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", script.toString(), command, directory.toString(), String.valueOf(
                port)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("local-postgresql.sh " + command + " failed:\n" + output);
        }
    }
}
