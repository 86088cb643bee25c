package org.oncocds.deploy.load;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.oncocds.deploy.tools.KeycloakTokens;

/**
 * The throughput run of docs/benchmarks.md: audited recommendations per second through the REST API as the demo
 * clinician, with p50 and p99 latency. Not a test (no timed assertion anywhere): deploy/load-run.sh runs it.
 * <p>
 * Arguments: {@code <portal-url> <realm-url> <secrets.properties> <clients> <requests-per-client> <seconds>}; a warm-up
 * of one request per client per 10 requests runs first and is not counted.
 */
public final class LoadRun {

    private LoadRun() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        if (arguments.length != 6) {
            System.err.println("usage: LoadRun <portal-url> <realm-url> <secrets.properties> <clients> "
                    + "<requests-per-client> <seconds>");
            System.exit(2);
        }
        URI portal = URI.create(arguments[0]);
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(arguments[2]))) {
            secrets.load(reader);
        }
        RenewedToken clinician = new RenewedToken(new KeycloakTokens(URI.create(arguments[1])), secrets.getProperty(
                "oncocds.api.client-secret"), "clinician", "clinician-demo");
        int clients = Integer.parseInt(arguments[3]);
        int requests = Integer.parseInt(arguments[4]);
        Duration limit = Duration.ofSeconds(Long.parseLong(arguments[5]));

        RecommendationLoad warmUp = new RecommendationLoad(portal, clinician, clients, Math.max(1, requests / 10),
                limit).start();
        warmUp.await();
        System.out.println("warm-up:  " + LoadSummary.of(clients, warmUp.answers(), warmUp.elapsed()));
        RecommendationLoad measured = new RecommendationLoad(portal, clinician, clients, requests, limit).start();
        measured.await();
        System.out.println("measured: " + LoadSummary.of(clients, measured.answers(), measured.elapsed()));
    }
}
