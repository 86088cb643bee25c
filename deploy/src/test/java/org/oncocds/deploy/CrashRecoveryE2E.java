package org.oncocds.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oncocds.deploy.load.LoadSummary;
import org.oncocds.deploy.load.RecommendationLoad;
import org.oncocds.deploy.load.RenewedToken;

/**
 * Issue 4's crash test (docs/reliability.md): while 8 API clients ask for recommendations, the Payara Micro JVM is
 * killed with SIGKILL; after a restart, every recommendation a client got HTTP 200 for is in the audit trail (its
 * audit record id is a row of the database) and the compliance officer's chain verification says intact. On the H2
 * default and on PostgreSQL. Four starts of the system take several minutes, so the default build leaves it out; run
 * it with {@code mvn -B -pl deploy verify -Dit.test=CrashRecoveryE2E}. Ports 19080 / 19180 / 19432.
 */
@TestMethodOrder(OrderAnnotation.class)
class CrashRecoveryE2E {

    private static final int CLIENTS = 8;
    /** SIGKILL once this many recommendations were acknowledged: the clients are mid-request then. */
    private static final int KILL_AFTER_ACKNOWLEDGED = 150;
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);
    private static final int EXIT_SERVER_STOPPED = 4;

    private static E2eSettings settings;
    private static LocalPostgres postgres;
    private static StartedSystem system;

    @BeforeAll
    static void freshDataDirectory() throws IOException {
        E2eSettings defaults = E2eSettings.fromSystemProperties();
        Path dataDir = Path.of(E2eSettings.required("oncocds.crash.data-dir"));
        settings = new E2eSettings(defaults.startScript(), dataDir, Integer.parseInt(E2eSettings.required(
                "oncocds.crash.port")), Integer.parseInt(E2eSettings.required("oncocds.crash.keycloak-port")));
        Path postgresDir = Path.of(E2eSettings.required("oncocds.crash.postgres-dir"));
        postgres = new LocalPostgres(settings, postgresDir, Integer.parseInt(E2eSettings.required(
                "oncocds.crash.postgres-port")));
        Directories.deleteRecursively(dataDir);
        Directories.deleteRecursively(postgresDir);
    }

    @AfterAll
    static void stopEverything() throws IOException, InterruptedException {
        if (system != null) {
            system.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    @Order(1)
    void h2KeepsEveryAcknowledgedRecommendationAcrossSigkill() throws Exception {
        List<Long> acknowledged = crashUnderLoadAndRestart(List.of());
        System.out.println("[crash test] chain verification: " + ChainVerification.intact(settings));
        system.stopCleanly();
        system = null;

        Set<Long> stored = AuditRows.presentInH2(settings.dataDir(), settings.startScript().resolveSibling(
                "target/dist/payara-micro.jar"), acknowledged);
        assertEquals(acknowledged.size(), stored.size(), "acknowledged recommendations missing from the H2 audit "
                + "trail: " + missing(acknowledged, stored));
    }

    @Test
    @Order(2)
    void postgresqlKeepsEveryAcknowledgedRecommendationAcrossSigkill() throws Exception {
        postgres.start();
        List<Long> acknowledged = crashUnderLoadAndRestart(List.of("--db-properties", postgres.dbProperties()
                .toString()));
        System.out.println("[crash test] chain verification: " + ChainVerification.intact(settings));

        Set<Long> stored = AuditRows.presentInPostgres(postgres.connection(), acknowledged);
        assertEquals(acknowledged.size(), stored.size(), "acknowledged recommendations missing from the PostgreSQL "
                + "audit trail: " + missing(acknowledged, stored));
        system.stopCleanly();
        system = null;
    }

    /** Starts, loads, kills Payara Micro with SIGKILL mid-load, restarts; returns the acknowledged record ids. */
    private static List<Long> crashUnderLoadAndRestart(List<String> options) throws Exception {
        system = StartedSystem.start(settings, options);
        RenewedToken clinician = KeycloakAdmin.renewedApiToken(settings, DemoUser.CLINICIAN);
        RecommendationLoad load = new RecommendationLoad(URI.create(settings.portal("")), clinician, CLIENTS, 10_000,
                LOAD_LIMIT).start();
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        while (load.acknowledgedSoFar() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        ProcessHandle payara = system.payaraMicro();
        payara.destroyForcibly(); // SIGKILL: no shutdown hook, no connection pool close, no flush
        payara.onExit().get(1, TimeUnit.MINUTES);
        // The requests in flight fail now; no client starts another one.
        load.stop();
        load.await();
        // start.sh notices its portal died, stops Keycloak and ends with its "server stopped" code.
        assertEquals(EXIT_SERVER_STOPPED, system.awaitExit(), system.output());

        List<RecommendationLoad.Answer> answers = load.answers();
        List<Long> acknowledged = answers.stream().filter(RecommendationLoad.Answer::acknowledged).map(
                RecommendationLoad.Answer::auditRecordId).toList();
        System.out.println("[crash test] " + options + " killed Payara Micro (pid " + payara.pid() + ") after "
                + LoadSummary.of(CLIENTS, answers, load.elapsed()));
        assertTrue(acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED, "the load got " + acknowledged.size()
                + " recommendations acknowledged before the kill: " + LoadSummary.of(CLIENTS, answers, load
                        .elapsed()));
        assertEquals(acknowledged.size(), Set.copyOf(acknowledged).size(), "two answers carried the same record id");

        system = StartedSystem.start(settings, options);
        return acknowledged;
    }

    private static List<Long> missing(List<Long> acknowledged, Set<Long> stored) {
        List<Long> missing = new ArrayList<>(acknowledged);
        missing.removeAll(stored);
        return missing.size() > 20 ? missing.subList(0, 20) : missing;
    }
}
