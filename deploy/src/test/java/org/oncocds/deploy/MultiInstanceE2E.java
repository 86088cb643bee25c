package org.oncocds.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncocds.deploy.load.LoadSummary;
import org.oncocds.deploy.load.RecommendationLoad;
import org.oncocds.deploy.load.RenewedToken;
import org.oncocds.deploy.tools.KeycloakTokens;
import org.oncocds.deploy.tools.PortalApi;

/**
 * Issue 4: "Appends stay correctly ordered under concurrent requests and with several server instances on one
 * database: no fork, no gap". Two Payara Micro servers of one installation ({@code start.sh}, then
 * {@code start.sh --portal-only}) on one PostgreSQL, sharing nothing but the database and Keycloak (each its own
 * lone Hazelcast member), boot at the same time on the empty database (both train the first model versions, one
 * version 1 per task is kept) and are asked for recommendations by API clients at the same time. Afterwards every
 * acknowledged recommendation is in audit_record exactly once and no other recommendation is, the sequence numbers are
 * 1..N without gap or duplicate, every record links to its predecessor's hash, and the application's own verifier
 * (hash chain and seals) says intact. Failed logins at Keycloak during the load are imported by both servers' importers
 * (every 5 s) and must each be recorded exactly once. Ports: portals 18580 and 18581, Hazelcast 6985 and 6986, Keycloak 18590,
 * PostgreSQL 18592.
 */
class MultiInstanceE2E {

    /** Clients per server, requests per client: bounded, and enough that both servers append at the same time. */
    private static final int CLIENTS_PER_SERVER = 4;
    private static final int REQUESTS_PER_CLIENT = 30;
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);
    /** What start.sh prints once Keycloak answers (a --portal-only start needs it). */
    private static final String KEYCLOAK_UP_LINE = "Keycloak is up";
    /** Hang guard for the failed-login import (every 5 s in the tests) on a busy machine. */
    private static final Duration IMPORT_WAIT = Duration.ofSeconds(90);

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
        // The first server is the installation (Keycloak, realm, demo approvals); the second joins it as soon as
        // Keycloak answers. Both servers then boot on the empty database at the same time, and both train the first
        // model versions: one stores version 1 of each task, the other uses the stored one.
        StartedSystem installation = StartedSystem.launch(first, List.of("--db-properties", database,
                "--hazelcast-port", hazelcastPorts[0].trim()));
        servers.add(installation);
        installation.awaitLine(KEYCLOAK_UP_LINE);
        StartedSystem joined = StartedSystem.launch(second, List.of("--portal-only", "--db-properties", database,
                "--hazelcast-port", hazelcastPorts[1].trim()));
        servers.add(joined);
        installation.awaitLine(StartedSystem.READY_LINE);
        joined.awaitLine(StartedSystem.READY_LINE);
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
        List<String> failedLogins = failLogins();
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
        // Both servers trained the first versions at once; one version 1 per task was kept, and the second server
        // answers from the version activated through the first one.
        PortalApi admin = new PortalApi(URI.create(second.portal("")), KeycloakAdmin.apiToken(first, DemoUser.ADMIN));
        for (String task : List.of("colon-recurrence-5y", "rotterdam-rfs-5y")) {
            assertEquals(List.of(task + "/1"), admin.get("/api/tasks/" + task + "/model-versions").requireSuccess()
                    .array().stream().map(version -> version.asJsonObject().getString("version")).toList());
        }
        String verification = ChainVerification.intact(first);
        System.out.println("[two servers] " + chain.size() + " records; chain verification: " + verification);

        // Both servers import Keycloak's failed logins; each must be in the trail once, never twice.
        List<String> recorded = awaitFailedLoginRecords(failedLogins);
        for (String user : failedLogins) {
            assertEquals(1, recorded.stream().filter(("user " + user)::equals).count(), "LOGIN_FAILED records of "
                    + user + ": " + recorded);
        }
    }

    /**
     * Failed logins at Keycloak: one wrong password for each of three demo users (one each, so that no user is locked
     * out by the realm's brute-force protection), each becoming one LOGIN_FAILED event with subject "user &lt;name&gt;".
     */
    private static List<String> failLogins() throws IOException, InterruptedException {
        KeycloakTokens keycloak = new KeycloakTokens(URI.create(first.realmUri()));
        String secret = KeycloakAdmin.secrets(first.dataDir()).getProperty("oncocds.api.client-secret");
        List<String> users = new ArrayList<>();
        for (DemoUser user : List.of(DemoUser.ADMIN, DemoUser.COMPLIANCE_OFFICER, DemoUser.DATA_MANAGER)) {
            try {
                keycloak.passwordGrant("oncocds-api", secret, user.userName(), "wrong-" + UUID.randomUUID());
                throw new AssertionError("Keycloak issued a token for a wrong password of " + user.userName());
            } catch (IOException refused) {
                users.add(user.userName());
            }
        }
        return users;
    }

    /** The LOGIN_FAILED subjects once every one of these users has one (bounded wait: the import runs every 5 s). */
    private static List<String> awaitFailedLoginRecords(List<String> users) throws SQLException,
            InterruptedException, IOException {
        long deadline = System.nanoTime() + IMPORT_WAIT.toNanos();
        while (true) {
            List<String> recorded = AuditRows.governanceSubjectsInPostgres(postgres.connection(), "LOGIN_FAILED");
            if (users.stream().allMatch(user -> recorded.contains("user " + user))) {
                return recorded;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + IMPORT_WAIT.toSeconds() + " s the trail has the failed logins "
                        + recorded + ", not all of " + users);
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }
}
