package org.oncocds.audit.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.oncocds.audit.control.AuditSchemaMigration;

/**
 * A real PostgreSQL server for the integration tests, started once per test JVM before the first test class (and so
 * before Arquillian starts Payara Micro) and stopped when the JVM's tests are done. It runs the machine's PostgreSQL
 * binaries ({@value #DEFAULT_BIN}, or {@code -Doncocds.it.postgres.bin=...}) in a fresh temporary directory on a free
 * loopback port: initdb, pg_ctl, then as administrator a database owner role, the database and the application role,
 * then as owner the audit module's migrations ({@link AuditSchemaMigration}) and
 * {@code db/audit/postgresql/app-role-grants.sql}, exactly what docs/audit-trail.md tells an administrator to run.
 * <p>
 * PostgreSQL refuses to run as root, so as root the binaries run as the {@code postgres} OS user through
 * {@code runuser}. The URL and passwords are handed to Arquillian as system properties, which arquillian.xml's
 * {@code payara-micro-postgresql} container reads. Registered through JUnit's extension auto-detection, which only the
 * PostgreSQL failsafe execution of the audit module's pom switches on.
 */
public class PostgresServer implements BeforeAllCallback {

    static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";
    static final String DATABASE = "oncocds";
    static final String OWNER = "oncocds_owner";
    static final String APPLICATION_ROLE = "oncocds_app";
    private static final String ADMINISTRATOR = "oncocds_admin";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(PostgresServer.class))
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The started server; closed (stopped and deleted) when JUnit closes the root context. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final Path bin;
        private final Path directory;
        private final boolean asPostgresUser;

        private Running(Path bin, Path directory, boolean asPostgresUser) {
            this.bin = bin;
            this.directory = directory;
            this.asPostgresUser = asPostgresUser;
        }

        static Running start() {
            Path bin = Path.of(System.getProperty("oncocds.it.postgres.bin", DEFAULT_BIN));
            for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
                if (!Files.isExecutable(bin.resolve(tool))) {
                    throw new IllegalStateException("PostgreSQL server binaries not found: " + bin.resolve(tool)
                            + " is missing. The audit module's PostgreSQL integration tests need them: install the "
                            + "Debian package postgresql-15 (or set -Doncocds.it.postgres.bin to a PostgreSQL bin "
                            + "directory).");
                }
            }
            try {
                Running server = new Running(bin, Files.createTempDirectory("oncocds-audit-pg-"),
                        "root".equals(System.getProperty("user.name")));
                server.initialize();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL for the integration tests", e);
            }
        }

        private void initialize() throws IOException {
            String administratorPassword = randomPassword();
            Path passwordFile = Files.writeString(directory.resolve("administrator-password"), administratorPassword);
            if (asPostgresUser) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()), "chown");
            }
            run(postgresCommand("initdb", "-D", data(), "-U", ADMINISTRATOR, "--pwfile=" + passwordFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"), "initdb");
            Files.delete(passwordFile);
            int port = freeLoopbackPort();
            run(postgresCommand("pg_ctl", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start"),
                    "pg_ctl-start");
            createDatabase(port, administratorPassword);
        }

        private void createDatabase(int port, String administratorPassword) {
            String ownerPassword = randomPassword();
            String applicationPassword = randomPassword();
            String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
            try {
                try (Connection administrator = DriverManager.getConnection(server + "postgres", ADMINISTRATOR,
                        administratorPassword); Statement sql = administrator.createStatement()) {
                    sql.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + ownerPassword + "'");
                    sql.execute("CREATE ROLE " + APPLICATION_ROLE + " LOGIN PASSWORD '" + applicationPassword + "'");
                    sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
                }
                try (Connection owner = DriverManager.getConnection(server + DATABASE, OWNER, ownerPassword);
                        Statement sql = owner.createStatement()) {
                    // What docs/audit-trail.md tells the administrator to run: the migrations as the owner, then grants.
                    AuditSchemaMigration.migrate(Flyway.configure().dataSource(server + DATABASE, OWNER,
                            ownerPassword).getDataSource());
                    sql.execute(script("db/audit/postgresql/app-role-grants.sql"));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not prepare the PostgreSQL test database", e);
            }
            System.setProperty("oncocds.it.pg.url", server + DATABASE);
            System.setProperty("oncocds.it.pg.app-password", applicationPassword);
            System.setProperty("oncocds.it.pg.owner-password", ownerPassword);
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
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
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

        private static String script(String resource) {
            try (InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freeLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            }
        }

        private static String randomPassword() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
