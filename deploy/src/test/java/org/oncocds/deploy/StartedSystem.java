package org.oncocds.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * OncoCDS started exactly as README command 1 does it: {@code deploy/start.sh} as a child process (with
 * {@code --skip-build}: the build has just run). Ready when the script prints its ready line; stopped with SIGTERM, as
 * Ctrl-C or a service manager would.
 */
final class StartedSystem implements AutoCloseable {

    static final String READY_LINE = "OncoCDS is ready at ";

    /** Hang guards only: a start takes about a minute on an idle 2-core machine, several when it is busy. */
    private static final Duration START_LIMIT = Duration.ofMinutes(15);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CountDownLatch readyOrEnded = new CountDownLatch(1);
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
        List<String> options = new ArrayList<>(settings.startOptions());
        options.addAll(moreOptions);
        StartedSystem system = new StartedSystem(launch(settings, options));
        system.awaitReady();
        return system;
    }

    /** Runs start.sh to its end (for starts that must be refused) and returns its exit code and output. */
    static Finished run(E2eSettings settings, List<String> options) throws IOException, InterruptedException {
        Process process = launch(settings, options);
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

    private static Process launch(E2eSettings settings, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", settings.startScript().toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Options only: a developer's ONCOCDS_* variables must not point the test at their own installation.
        builder.environment().keySet().removeIf(name -> name.startsWith("ONCOCDS_"));
        return builder.start();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                record(line);
                System.out.println("[start.sh] " + line);
                if (line.startsWith(READY_LINE)) {
                    readyOrEnded.countDown();
                }
            }
        } catch (IOException e) {
            record("(reading the output of start.sh failed: " + e + ")");
        } finally {
            readyOrEnded.countDown();
        }
    }

    private synchronized void record(String line) {
        output.add(line);
    }

    /** Everything the script printed so far. */
    synchronized String output() {
        return String.join("\n", output);
    }

    private synchronized boolean printedReadyLine() {
        return output.stream().anyMatch(line -> line.startsWith(READY_LINE));
    }

    private void awaitReady() throws InterruptedException {
        boolean answered = readyOrEnded.await(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!printedReadyLine()) {
            String reason = answered ? "ended without getting ready" : "did not get ready within " + START_LIMIT;
            close();
            throw new AssertionError("start.sh " + reason + ". Its output:\n" + output());
        }
    }

    /** Sends SIGTERM (what Ctrl-C does to the script) and returns the script's exit code once it has ended. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("start.sh did not end within " + STOP_LIMIT + " of SIGTERM; output:\n"
                    + output());
        }
        outputReader.join(STOP_LIMIT.toMillis());
        return process.exitValue();
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
