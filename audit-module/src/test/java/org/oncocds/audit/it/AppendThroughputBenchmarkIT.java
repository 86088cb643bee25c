package org.oncocds.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.audit.boundary.AuditReceipt;
import org.oncocds.audit.boundary.PatientPseudonyms;
import org.oncocds.audit.boundary.RecommendationEvent;

/**
 * Module-level append throughput against pgbench on the same PostgreSQL, in the same run, with the same number of
 * clients: pgbench with single-row INSERT transactions (a row of about the size of an audit record), then the audit
 * module's recordRecommendation from as many threads, then pgbench again. Prints the figures (line prefix
 * {@code APPEND-BENCHMARK}); asserts only correctness (every receipt in an intact chain), never a time. Not part of the
 * normal build: {@code mvn -B -pl audit-module verify -Dit.test=AppendThroughputBenchmarkIT} (on H2 only the module
 * is measured).
 */
@ExtendWith(ArquillianExtension.class)
class AppendThroughputBenchmarkIT {

    private static final String MODEL_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final int CLIENTS = Integer.getInteger("oncocds.bench.clients", 32);
    private static final int SECONDS = Integer.getInteger("oncocds.bench.seconds", 20);
    private static final String PGBENCH = System.getProperty("oncocds.it.postgres.bin", "/usr/lib/postgresql/15/bin")
            + "/pgbench";

    @Deployment
    static WebArchive deployment() {
        return AuditDeployment.archive("append-benchmark.war");
    }

    @EJB
    ClinicianSession clinician;

    @EJB
    ComplianceOfficerSession complianceOfficer;

    @Inject
    PatientPseudonyms pseudonyms;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @Test
    void appendThroughputAgainstPgbench() throws Exception {
        String adminUrl = System.getProperty(DatabaseAdministrator.URL);
        if (adminUrl != null) {
            report("pgbench (before)", pgbench(adminUrl));
        }
        moduleRun(2, 3);
        List<Long> latencies = moduleRun(CLIENTS, SECONDS);
        report("audit module recordRecommendation", new Figures(latencies.size() / (double) SECONDS, latencies));
        if (adminUrl != null) {
            report("pgbench (after)", pgbench(adminUrl));
        }
        assertTrue(complianceOfficer.verifyChain().intact());
    }

    /** {@code clients} threads appending for {@code seconds}; the latency of every call in microseconds. */
    private List<Long> moduleRun(int clients, int seconds) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<AuditReceipt> receipts = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) + TimeUnit.MILLISECONDS.toNanos(200);
        List<Thread> running = new ArrayList<>();
        String pseudonym = pseudonyms.pseudonymOf("MRN-BENCH");
        for (int c = 0; c < clients; c++) {
            Thread thread = threads.newThread(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < end) {
                        RecommendationEvent event = event(pseudonym);
                        long began = System.nanoTime();
                        receipts.add(clinician.record(event));
                        latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - began));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            running.add(thread);
        }
        Thread.sleep(200);
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(receipts.size(), receipts.stream().map(AuditReceipt::recordId).distinct().count());
        return latencies;
    }

    /** pgbench -c CLIENTS -T SECONDS with one single-row INSERT per transaction, its per-transaction latencies. */
    private Figures pgbench(String jdbcUrl) throws Exception {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        try (Connection owner = DatabaseAdministrator.connection(dataSource); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL)");
        }
        Path directory = Files.createTempDirectory("pgbench-");
        Path script = Files.writeString(directory.resolve("insert.sql"),
                "INSERT INTO bench_insert (payload) VALUES (repeat('x', 1000));\n");
        ProcessBuilder pgbench = new ProcessBuilder(PGBENCH, "-n", "-h", uri.getHost(), "-p", String.valueOf(uri
                .getPort()), "-U", System.getProperty(DatabaseAdministrator.USER), "-c", String.valueOf(CLIENTS), "-j",
                "2", "-T", String.valueOf(SECONDS), "-l", "-f", script.toString(), uri.getPath().substring(1))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("pgbench.out").toFile());
        pgbench.environment().put("PGPASSWORD", System.getProperty(DatabaseAdministrator.PASSWORD));
        Process process = pgbench.start();
        assertTrue(process.waitFor(SECONDS + 120L, TimeUnit.SECONDS), "pgbench did not finish");
        String output = Files.readString(directory.resolve("pgbench.out"));
        assertEquals(0, process.exitValue(), output);
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(directory)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("pgbench_log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    latencies.add(Long.parseLong(line.split(" ")[2]));
                }
            }
        }
        double tps = Arrays.stream(output.split("\n"))
                .filter(line -> line.startsWith("tps = "))
                .map(line -> Double.parseDouble(line.substring(6).split(" ")[0]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no tps in pgbench output:\n" + output));
        deleteQuietly(directory);
        return new Figures(tps, latencies);
    }

    private record Figures(double perSecond, List<Long> latenciesMicros) {
    }

    private static void report(String what, Figures figures) {
        List<Long> sorted = new ArrayList<>(figures.latenciesMicros());
        Collections.sort(sorted);
        String line = String.format("APPEND-BENCHMARK %s: %d clients, %.0f/s, %d calls, p50 %.2f ms, p99 %.2f ms", what,
                CLIENTS, figures.perSecond(), sorted.size(), percentile(sorted, 0.50) / 1000.0, percentile(sorted,
                        0.99) / 1000.0);
        System.out.println(line);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private RecommendationEvent event(String pseudonym) {
        return new RecommendationEvent(UUID.randomUUID().toString(), "colon-recurrence-5y", pseudonym,
                "colon-recurrence-5y/1", MODEL_SHA256,
                "{\"features\":{\"age\":{\"imputed\":false,\"value\":61},\"nodes\":{\"imputed\":false,\"value\":4}},"
                        + "\"referenceOption\":\"Obs\",\"taskId\":\"colon-recurrence-5y\"}",
                "{\"drivers\":[{\"feature\":\"nodes\",\"referenceValue\":\"3.66\",\"riskChange\":0.1,\"value\":\"9\"}],"
                        + "\"options\":[{\"absoluteBenefit\":0,\"option\":\"Obs\",\"risk\":0.52},"
                        + "{\"absoluteBenefit\":0.08,\"option\":\"Lev\",\"risk\":0.44},"
                        + "{\"absoluteBenefit\":0.17,\"option\":\"Lev+5FU\",\"risk\":0.35}],\"referenceOption\":\"Obs\"}");
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
