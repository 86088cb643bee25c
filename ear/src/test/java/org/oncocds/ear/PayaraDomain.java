package org.oncocds.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Payara Server domain of its own, driven through asadmin as an administrator would: created with a port base so it
 * never collides with other servers, started, configured, deployed to, stopped. Every asadmin call runs with the JVM
 * of the test and fails with asadmin's own output.
 */
final class PayaraDomain {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path payaraHome;
    private final String name;
    private final int portBase;
    private final Path outputDir;

    PayaraDomain(Path payaraHome, String name, int portBase, Path outputDir) {
        this.payaraHome = payaraHome;
        this.name = name;
        this.portBase = portBase;
        this.outputDir = outputDir;
    }

    /** The HTTP listener's port: Payara adds 80 to the port base. */
    int httpPort() {
        return portBase + 80;
    }

    int adminPort() {
        return portBase + 48;
    }

    Path directory() {
        return payaraHome.resolve("glassfish/domains").resolve(name);
    }

    Path serverLog() {
        return directory().resolve("logs/server.log");
    }

    /** Creates the domain afresh, first stopping and deleting what an interrupted earlier run left behind. */
    void createAfresh() {
        if (Files.isDirectory(directory())) {
            asadminAllowingFailure("stop-domain", "--kill", name);
            asadmin("delete-domain", name);
        }
        asadmin("create-domain", "--nopassword", "--portbase", Integer.toString(portBase), name);
    }

    void start() {
        asadmin("start-domain", name);
    }

    /** Stops the domain; a domain that is not running is not an error. */
    void stop() {
        asadminAllowingFailure("stop-domain", name);
    }

    /** Binds both HTTP listeners to the loopback interface, so the test server is never reachable from outside. */
    void listenOnLoopbackOnly() {
        for (String listener : List.of("http-listener-1", "http-listener-2")) {
            remote("set", "configs.config.server-config.network-config.network-listeners.network-listener." + listener
                    + ".address=127.0.0.1");
        }
    }

    /** Server system properties, which Payara's MicroProfile Config reads like JVM -D options. */
    void setSystemProperties(Map<String, String> properties) {
        String joined = properties.entrySet()
                .stream()
                .map(property -> escape(property.getKey()) + "=" + escape(property.getValue()))
                .collect(Collectors.joining(":"));
        remote("create-system-properties", joined);
    }

    String deploy(Path ear, String applicationName, String contextRoot) {
        return remote("deploy", "--name", applicationName, "--contextroot", contextRoot, ear.toString());
    }

    /** The end of the server log, for failure messages. */
    String serverLogTail(int lines) {
        if (!Files.isRegularFile(serverLog())) {
            return "(no server log at " + serverLog() + ")";
        }
        try (Stream<String> all = Files.lines(serverLog(), StandardCharsets.UTF_8)) {
            List<String> kept = all.collect(Collectors.toList());
            List<String> tail = kept.subList(Math.max(0, kept.size() - lines), kept.size());
            return "---- last " + tail.size() + " of " + kept.size() + " lines of " + serverLog() + " ----\n"
                    + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + serverLog() + ": " + e + ")";
        }
    }

    /** asadmin's separator between properties is ':', so colons (and the escape itself) in names and values are escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    private String remote(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(adminPort()), command));
        all.addAll(List.of(arguments));
        return asadmin(all.toArray(String[]::new));
    }

    private String asadmin(String... arguments) {
        Result result = run(arguments);
        if (result.exitCode != 0) {
            throw new IllegalStateException("asadmin " + commandName(arguments) + " failed with exit code "
                    + result.exitCode + ":\n" + result.output);
        }
        return result.output;
    }

    private void asadminAllowingFailure(String... arguments) {
        run(arguments);
    }

    /**
     * Output goes to a file, not a pipe: start-domain leaves the server running, and a server holding the pipe open
     * would keep a reader waiting forever.
     */
    private Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", payaraHome.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        command.addAll(List.of(arguments));
        long started = System.nanoTime();
        try {
            Files.createDirectories(outputDir);
            Path output = Files.createTempFile(outputDir, "asadmin-" + commandName(arguments) + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            process.getOutputStream().close(); // asadmin must never wait for an answer on the console
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + commandName(arguments) + " did not finish within "
                        + COMMAND_TIMEOUT + ":\n" + Files.readString(output));
            }
            System.out.printf("asadmin %s: exit %d after %d s%n", commandName(arguments), process.exitValue(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return new Result(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running asadmin " + arguments[0], e);
        }
    }

    /** The subcommand only: the arguments may hold secrets (system property values) and are not printed. */
    private static String commandName(String... arguments) {
        return arguments[0].equals("--port") ? arguments[2] : arguments[0];
    }

    private record Result(int exitCode, String output) {
    }
}
