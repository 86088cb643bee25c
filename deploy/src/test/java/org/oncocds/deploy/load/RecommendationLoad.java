package org.oncocds.deploy.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Clients that each POST colon-cancer cases to {@code /api/tasks/colon-recurrence-5y/recommendations} one after the
 * other, as a clinician with a bearer token, until their request count, the deadline, {@link #stop()} or the first
 * request that gets no answer at all (the server is gone). Every answer is
 * kept: its status, its latency and, for an HTTP 200, the audit record id the answer carries. Bounded in count and time,
 * and it only ever talks to the given 127.0.0.1 portal.
 */
public final class RecommendationLoad {

    static final String TASK = "colon-recurrence-5y";

    /**
     * Found once: each {@code Json.create...} call looks the provider up again (a service-loader scan), which cost the
     * load client milliseconds of CPU per request on the same two cores as the server it measures.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** As long as the JDK client's request timeout was: a recommendation waits at most 60 s for its audit commit. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final URI portal;
    private final String path;
    private final Supplier<String> accessToken;
    private final int firstClient;
    private final int clients;
    private final int requestsPerClient;
    private final Duration limit;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch finished;
    private volatile long startedNanos;
    private volatile long endedNanos;

    public RecommendationLoad(URI portal, Supplier<String> accessToken, int clients, int requestsPerClient,
            Duration limit) {
        this(portal, accessToken, 0, clients, requestsPerClient, limit);
    }

    /**
     * The same with the clients numbered from {@code firstClient} (their cases and MRNs carry the number), so that
     * loads on several servers at once send different cases.
     */
    public RecommendationLoad(URI portal, Supplier<String> accessToken, int firstClient, int clients,
            int requestsPerClient, Duration limit) {
        if (!"127.0.0.1".equals(portal.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to 127.0.0.1, not " + portal);
        }
        this.portal = portal;
        this.path = "/api/tasks/" + TASK + "/recommendations";
        this.accessToken = accessToken;
        this.firstClient = firstClient;
        this.clients = clients;
        this.requestsPerClient = requestsPerClient;
        this.limit = limit;
        this.finished = new CountDownLatch(clients);
    }

    /** One answer (or failure to get one) of one request. */
    public record Answer(int client, int status, long latencyNanos, long auditRecordId, String failure) {

        public boolean acknowledged() {
            return status == 200 && auditRecordId > 0;
        }
    }

    public RecommendationLoad start() {
        startedNanos = System.nanoTime();
        long deadline = startedNanos + limit.toNanos();
        for (int client = firstClient; client < firstClient + clients; client++) {
            int number = client;
            Thread thread = new Thread(() -> runClient(number, deadline), "load-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Asks every client to finish its current request and end. */
    public void stop() {
        stopped.set(true);
    }

    /** Waits until every client has ended (they end by themselves at their count or the deadline). */
    public void await() throws InterruptedException {
        finished.await();
        endedNanos = System.nanoTime();
    }

    /** HTTP 200 answers so far. */
    public int acknowledgedSoFar() {
        return acknowledged.get();
    }

    public List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** Wall-clock time from start to the end of the last client. */
    public Duration elapsed() {
        return Duration.ofNanos(endedNanos - startedNanos);
    }

    private void runClient(int client, long deadline) {
        try (KeepAliveConnection connection = new KeepAliveConnection(portal, READ_TIMEOUT_MILLIS)) {
            for (int i = 0; i < requestsPerClient && !stopped.get() && System.nanoTime() < deadline; i++) {
                Answer answer = send(connection, client, i);
                answers.add(answer);
                if (answer.status() == 0) {
                    // The server is gone (e.g. killed by the crash test): this request was in flight; stop here.
                    break;
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private Answer send(KeepAliveConnection connection, int client, int request) {
        String json = patientCase(client, request).toString();
        long sent = System.nanoTime();
        try {
            KeepAliveConnection.Response response = connection.postJson(path, accessToken.get(), json);
            long latency = System.nanoTime() - sent;
            if (response.status() != 200) {
                return new Answer(client, response.status(), latency, -1, abbreviated(response.body()));
            }
            long recordId = auditRecordId(response.body());
            acknowledged.incrementAndGet();
            return new Answer(client, 200, latency, recordId, recordId > 0 ? null : "no auditRecordId in the answer");
        } catch (IOException e) {
            return new Answer(client, 0, System.nanoTime() - sent, -1, e.toString());
        }
    }

    /** A plausible colon-cancer case, varied per request so the answers differ; the MRN names client and request. */
    static JsonObject patientCase(int client, int request) {
        return JSON.createObjectBuilder().add("mrn", "LOAD-" + client + "-" + request).add("referenceOption", "Obs")
                .add("values", JSON.createObjectBuilder().add("sex", request % 2).add("age", 40 + (request * 7
                        + client) % 40).add("obstruct", 0).add("perfor", 0).add("adhere", request % 3 == 0 ? 1 : 0)
                        .add("surg", 0).add("nodes", (request + client) % 10).add("differ", 1 + request % 3).add(
                                "extent", 2 + request % 2))
                .build();
    }

    private static long auditRecordId(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject().getJsonNumber("auditRecordId").longValue();
        } catch (RuntimeException notTheExpectedAnswer) {
            return -1;
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
