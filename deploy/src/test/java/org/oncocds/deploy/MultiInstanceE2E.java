package org.oncocds.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncocds.deploy.load.LoadSummary;
import org.oncocds.deploy.load.RecommendationLoad;
import org.oncocds.deploy.load.RenewedToken;

/**
 * Issue 4: "Appends stay correctly ordered under concurrent requests and with several server instances on one
 * database: no fork, no gap". Two Payara Micro servers of one installation ({@code start.sh}, then
 * {@code start.sh --portal-only}) on one PostgreSQL, sharing nothing but the database and Keycloak (each its own
 * lone Hazelcast member), are asked for recommendations by API clients at the same time. Afterwards every
 * acknowledged recommendation is in audit_record exactly once and no other recommendation is, the sequence numbers are
 * 1..N without gap or duplicate, every record links to its predecessor's hash, and the application's own verifier
 * (hash chain and seals) says intact. Ports: portals 18580 and 18581, Hazelcast 6985 and 6986, Keycloak 18590,
 * PostgreSQL 18592.
 */
class MultiInstanceE2E {

    /** Clients per server, requests per client: bounded, and enough that both servers append at the same time. */
    private static final int CLIENTS_PER_SERVER = 4;
    private static final int REQUESTS_PER_CLIENT = 30;
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);

    private static E2eSettings first;
    private static E2eSettings second;
    private static LocalPostgres postgres;
    private static final List<StartedSystem> servers = new ArrayList<>();

    @BeforeAll
    static void twoServersOnOneDatabase() throws IOException, InterruptedException {
        E2eSettings defaults = E2eSettings.fromSystemProperties();
        Path dataDir = Path.of(E2eSettings.required("oncocds.multi.data-dir"));
        Path postgresDir = Path.of(E2eSettings.required("oncocds.multi.postgres-dir"));
        Directories.deleteRecursively(dataDir);
        Directories.deleteRecursively(postgresDir);
        first = new E2eSettings(defaults.startScript(), dataDir, Integer.parseInt(E2eSettings.required(
                "oncocds.multi.port")), Integer.parseInt(E2eSettings.required("oncocds.multi.keycloak-port")));
        second = first.withPort(Integer.parseInt(E2eSettings.required("oncocds.multi.second-port")));
        String[] hazelcastPorts = E2eSettings.required("oncocds.multi.hazelcast-ports").split(",");
        postgres = new LocalPostgres(first, postgresDir, Integer.parseInt(E2eSettings.required(
                "oncocds.multi.postgres-port")));
        postgres.start();
        String database = postgres.dbProperties().toString();
        // The first server is the installation (Keycloak, first-start training, demo approvals); the second joins it.
        servers.add(StartedSystem.start(first, List.of("--db-properties", database, "--hazelcast-port",
                hazelcastPorts[0].trim())));
        servers.add(StartedSystem.start(second, List.of("--portal-only", "--db-properties", database,
                "--hazelcast-port", hazelcastPorts[1].trim())));
    }

    @AfterAll
    static void stopEverything() throws IOException, InterruptedException {
        // The joined server first: the installation's start.sh also stops Keycloak.
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void recommendationsFromTwoServersFormOneChainWithoutForkOrGap() throws Exception {
        assertTrue(servers.get(1).output().contains("One more portal server of the installation"), servers.get(1)
                .output());
        RenewedToken clinician = KeycloakAdmin.renewedApiToken(first, DemoUser.CLINICIAN);
        RecommendationLoad onFirst = new RecommendationLoad(URI.create(first.portal("")), clinician, 0,
                CLIENTS_PER_SERVER, REQUESTS_PER_CLIENT, LOAD_LIMIT).start();
        RecommendationLoad onSecond = new RecommendationLoad(URI.create(second.portal("")), clinician,
                CLIENTS_PER_SERVER, CLIENTS_PER_SERVER, REQUESTS_PER_CLIENT, LOAD_LIMIT).start();
        onFirst.await();
        onSecond.await();

        List<RecommendationLoad.Answer> answers = new ArrayList<>(onFirst.answers());
        answers.addAll(onSecond.answers());
        String summary = "first server: " + LoadSummary.of(CLIENTS_PER_SERVER, onFirst.answers(), onFirst.elapsed())
                + "; second server: " + LoadSummary.of(CLIENTS_PER_SERVER, onSecond.answers(), onSecond.elapsed());
        System.out.println("[two servers] " + summary);
        // No crash here: every request must have been answered with an audited recommendation.
        assertEquals(2 * CLIENTS_PER_SERVER * REQUESTS_PER_CLIENT, answers.size(), summary);
        assertTrue(answers.stream().allMatch(RecommendationLoad.Answer::acknowledged), summary + "; refused: "
                + answers.stream().filter(answer -> !answer.acknowledged()).limit(5).toList());
        List<Long> acknowledged = answers.stream().map(RecommendationLoad.Answer::auditRecordId).toList();
        assertEquals(acknowledged.size(), Set.copyOf(acknowledged).size(), "two answers carried the same record id");

        List<AuditRows.ChainRow> chain = AuditRows.chainInPostgres(postgres.connection());
        Set<Long> recommendations = new TreeSet<>();
        chain.stream().filter(row -> "RECOMMENDATION".equals(row.kind())).forEach(row -> recommendations.add(row
                .id()));
        assertEquals(new TreeSet<>(acknowledged), recommendations,
                "the recommendation records are exactly the acknowledged ones");
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < chain.size(); i++) {
            AuditRows.ChainRow row = chain.get(i);
            assertEquals(i + 1, row.sequenceNumber(), "sequence numbers run 1..N without gap or duplicate");
            assertTrue(ids.add(row.id()), "record " + row.id() + " appears twice");
            if (i > 0) {
                assertEquals(chain.get(i - 1).hash(), row.previousHash(), "record " + row.id() + " (sequence "
                        + row.sequenceNumber() + ") links to its predecessor: no fork");
            }
        }
        String verification = ChainVerification.intact(first);
        System.out.println("[two servers] " + chain.size() + " records; chain verification: " + verification);
    }
}
