package org.oncocds.audit.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for integration tests, as deploy/local-postgresql.sh sets it up: the machine's binaries
 * ({@value #DEFAULT_BIN}, or {@code -Doncocds.it.postgres.bin=...}) in a fresh temporary directory on a free loopback
 * port, an administrator, then the database owner role, the database (owned by it) and the application's role; no
 * tables (each module's test applies its migrations and grants as the owner, as its docs tell an administrator to).
 * PostgreSQL refuses to run as root, so as root the binaries run as the {@code postgres} OS user through
 * {@code runuser}. Shared with the prediction and fairness modules' tests through the audit module's test jar.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";
    public static final String DATABASE = "oncocds";
    public static final String OWNER = "oncocds_owner";
    public static final String APPLICATION_ROLE = "oncocds_app";
    private static final String ADMINISTRATOR = "oncocds_admin";

    private final Path bin;
    private final Path directory;
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));
    private final String ownerPassword = randomPassword();
    private final String applicationPassword = randomPassword();
    private String url;

    private LocalPostgres(Path bin, String purpose) throws IOException {
        this.bin = bin;
        this.directory = Files.createTempDirectory("oncocds-" + purpose + "-pg-");
    }

    /**
     * Starts a server with the database and roles; {@code purpose} names its temporary directory. A start that fails
     * part-way stops what it started and removes the directory.
     *
     * @throws IllegalStateException
     *             when the PostgreSQL binaries are missing (naming the Debian package) or a step fails (with its output)
     */
    public static LocalPostgres start(String purpose) throws IOException, SQLException {
        Path bin = Path.of(System.getProperty("oncocds.it.postgres.bin", DEFAULT_BIN));
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(bin.resolve(tool))) {
                throw new IllegalStateException("PostgreSQL server binaries not found: " + bin.resolve(tool)
                        + " is missing; install the Debian package postgresql-15 (or set -Doncocds.it.postgres.bin)");
            }
        }
        LocalPostgres server = new LocalPostgres(bin, purpose);
        try {
            server.initialize();
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                server.close();
            } catch (IOException | RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        return server;
    }

    public Connection asOwner() throws SQLException {
        return DriverManager.getConnection(url, OWNER, ownerPassword);
    }

    public Connection asApplication() throws SQLException {
        return DriverManager.getConnection(url, APPLICATION_ROLE, applicationPassword);
    }

    public String url() {
        return url;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String applicationPassword() {
        return applicationPassword;
    }

    private void initialize() throws IOException, SQLException {
        String administratorPassword = randomPassword();
        Path passwordFile = Files.writeString(directory.resolve("administrator-password"), administratorPassword);
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()), "chown");
        }
        run(postgresCommand("initdb", "-D", data(), "-U", ADMINISTRATOR, "--pwfile=" + passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"), "initdb");
        Files.delete(passwordFile);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        run(postgresCommand("pg_ctl", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-t",
                "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start"),
                "pg_ctl-start");
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection administrator = DriverManager.getConnection(server + "postgres", ADMINISTRATOR,
                administratorPassword); Statement sql = administrator.createStatement()) {
            sql.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + ownerPassword + "'");
            sql.execute("CREATE ROLE " + APPLICATION_ROLE + " LOGIN PASSWORD '" + applicationPassword + "'");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
        url = server + DATABASE;
    }

    @Override
    public void close() throws IOException {
        try {
            run(postgresCommand("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop"), "pg_ctl-stop");
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private List<String> postgresCommand(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a command in the server's directory; its output goes to a file (a pipe could be held by the server). */
    private void run(List<String> command, String name) throws IOException {
        Path output = directory.resolve(name + ".out");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within 120 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "): " + command + "\n"
                    + Files.readString(output));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
