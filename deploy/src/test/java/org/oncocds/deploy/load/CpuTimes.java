package org.oncocds.deploy.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU seconds used so far by the processes sharing the machine during a load run: the portal's Payara Micro (found by
 * its command line), every PostgreSQL process, and this load client. Read from {@code /proc} (Linux), so that a run can
 * say where the CPU of a recommendation goes; elsewhere the figures are absent.
 */
record CpuTimes(double serverSeconds, double databaseSeconds, double clientSeconds) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on Linux on x86 and ARM. */
    private static final double TICKS_PER_SECOND = 100;

    /** Now, for the Payara Micro serving {@code portalPort}. */
    static Optional<CpuTimes> now(int portalPort) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return Optional.empty();
        }
        double server = ProcessHandle.allProcesses().filter(process -> process.info().commandLine().map(
                command -> command.contains("payara-micro.jar") && command.contains("--port " + portalPort)).orElse(
                        false))
                .mapToDouble(CpuTimes::seconds).sum();
        double database = ProcessHandle.allProcesses().filter(process -> process.info().user().map("postgres"::equals)
                .orElse(false)).mapToDouble(CpuTimes::seconds).sum();
        double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return Optional.of(new CpuTimes(server, database, client));
    }

    /** CPU milliseconds per acknowledged request between {@code earlier} and this. */
    String perRequestSince(CpuTimes earlier, int requests) {
        return String.format(Locale.ROOT, "CPU per acknowledged request: server %.3f ms, PostgreSQL %.3f ms, load "
                + "client %.3f ms", 1000 * (serverSeconds - earlier.serverSeconds) / requests,
                1000 * (databaseSeconds
                        - earlier.databaseSeconds) / requests,
                1000 * (clientSeconds - earlier.clientSeconds)
                        / requests);
    }

    /** utime + stime of the process, 0 when it is gone or unreadable. */
    private static double seconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
