package org.oncocds.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OncoCDS started exactly as README command 1 does it: {@code deploy/start.sh} as a child process (with
 * {@code --skip-build}: the build has just run). Ready when the script prints its ready line; stopped with SIGTERM, as
 * Ctrl-C or a service manager would.
 */
final class StartedSystem implements AutoCloseable {

    static final String READY_LINE = "OncoCDS is ready at ";
    private static final String IMPORT_EVERY_5_SECONDS = "-Doncocds.keycloak-events.interval-seconds=5";

    /** Hang guards only: a start takes about a minute on an idle 2-core machine, several when it is busy. */
    private static final Duration START_LIMIT = Duration.ofMinutes(15);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private boolean outputEnded;
    private final Thread outputReader;

    private StartedSystem(Process process) {
        this.process = process;
        this.outputReader = new Thread(this::readOutput, "start.sh output");
        outputReader.setDaemon(true);
        outputReader.start();
    }

    /** Runs start.sh on the settings' ports and data directory, and waits for its ready line. */
    static StartedSystem start(E2eSettings settings) throws IOException, InterruptedException {
        return start(settings, List.of());
    }

    /** The same with further start.sh options (e.g. {@code --db-properties FILE}). */
    static StartedSystem start(E2eSettings settings, List<String> moreOptions) throws IOException,
            InterruptedException {
        StartedSystem system = launch(settings, moreOptions);
        system.awaitLine(READY_LINE);
        return system;
    }

    /** Runs start.sh with further options and returns at once; {@link #awaitLine} waits for what it prints. */
    static StartedSystem launch(E2eSettings settings, List<String> moreOptions) throws IOException {
        List<String> options = new ArrayList<>(settings.startOptions());
        options.addAll(moreOptions);
        return new StartedSystem(startScript(settings, options));
    }

    /** Runs start.sh to its end (for starts that must be refused) and returns its exit code and output. */
    static Finished run(E2eSettings settings, List<String> options) throws IOException, InterruptedException {
        Process process = startScript(settings, options);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("start.sh did not end within " + STOP_LIMIT + "; output:\n" + output);
        }
        return new Finished(process.exitValue(), output);
    }

    /** A start.sh run that has ended. */
    record Finished(int exitCode, String output) {
    }

    private static Process startScript(E2eSettings settings, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", settings.startScript().toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Options only: a developer's ONCOCDS_* variables must not point the test at their own installation.
        builder.environment().keySet().removeIf(name -> name.startsWith("ONCOCDS_"));
        // The portal imports Keycloak's login events every 5 s instead of 30, so that the failed-login test waits less.
        builder.environment().put("JAVA_OPTS_PAYARA", IMPORT_EVERY_5_SECONDS);
        return builder.start();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                record(line);
                System.out.println("[start.sh] " + line);
            }
        } catch (IOException e) {
            record("(reading the output of start.sh failed: " + e + ")");
        } finally {
            synchronized (this) {
                outputEnded = true;
                notifyAll();
            }
        }
    }

    private synchronized void record(String line) {
        output.add(line);
        notifyAll();
    }

    /** Everything the script printed so far. */
    synchronized String output() {
        return String.join("\n", output);
    }

    private synchronized boolean printed(String prefix) {
        return output.stream().anyMatch(line -> line.startsWith(prefix));
    }

    /**
     * Waits until start.sh has printed a line starting with the prefix (e.g. {@link #READY_LINE}); if it ends or takes
     * longer than the start limit instead, stops it and fails with its output.
     */
    void awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        synchronized (this) {
            while (!printed(prefix) && !outputEnded && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
        }
        if (!printed(prefix)) {
            String reason = outputEnded
                    ? "ended without printing '" + prefix + "'"
                    : "did not print '" + prefix
                            + "' within " + START_LIMIT;
            close();
            throw new AssertionError("start.sh " + reason + ". Its output:\n" + output());
        }
    }

    /**
     * Sends SIGTERM (what Ctrl-C does to the script) and returns the script's exit code once it has ended. The signal
     * goes through the process handle: {@link Process#destroy()} would also close the pipe the script writes to, and
     * what it prints while stopping (which server it stops, which it had to kill) would be lost.
     */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("start.sh did not end within " + STOP_LIMIT + " of SIGTERM; output:\n"
                    + output());
        }
        outputReader.join(STOP_LIMIT.toMillis());
        return process.exitValue();
    }

    /** Stops start.sh as {@link #stop()} does and fails, with what it printed, unless it ended with exit code 0. */
    void stopCleanly() throws InterruptedException {
        int exitCode = stop();
        if (exitCode != 0) {
            throw new AssertionError(
                    "start.sh ended with exit code " + exitCode + " instead of 0 on SIGTERM; its output:\n"
                            + output());
        }
    }

    /** Waits for start.sh to end by itself (e.g. after one of its servers died) and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("start.sh did not end within " + STOP_LIMIT + "; output:\n" + output());
        }
        outputReader.join(STOP_LIMIT.toMillis());
        return process.exitValue();
    }

    /** The Payara Micro JVM start.sh runs the portal in. */
    ProcessHandle payaraMicro() {
        return process.descendants().filter(child -> child.info().arguments().map(List::of).orElse(List.of())
                .stream().anyMatch(argument -> argument.endsWith("payara-micro.jar"))).findFirst().orElseThrow(
                        () -> new AssertionError("no Payara Micro process among start.sh's children"));
    }

    /** The processes start.sh started (Keycloak, Payara Micro) and their children. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
