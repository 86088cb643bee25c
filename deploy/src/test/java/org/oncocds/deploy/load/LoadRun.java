package org.oncocds.deploy.load;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.oncocds.deploy.tools.KeycloakTokens;

/**
 * The throughput run of docs/benchmarks.md: audited recommendations per second through the REST API as the demo
 * clinician, with p50 and p99 latency. Not a test (no timed assertion anywhere): deploy/load-run.sh runs it.
 * <p>
 * Arguments: {@code <portal-url> <realm-url> <secrets.properties> <clients> <requests-per-client> <seconds>
 * [<warm-up-seconds>]}; a warm-up of at most that long (default: as long as the measured run) with at most the same
 * number of requests runs first and is not counted. The server's JIT compiler needs tens of thousands of requests before
 * its throughput settles (a 30 s warm-up measured about half the settled figure), so the load run warms up longer.
 */
public final class LoadRun {

    private LoadRun() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        if (arguments.length != 6 && arguments.length != 7) {
            System.err.println("usage: LoadRun <portal-url> <realm-url> <secrets.properties> <clients> "
                    + "<requests-per-client> <seconds> [<warm-up-seconds>]");
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
        Duration warmUpLimit = arguments.length == 7 ? Duration.ofSeconds(Long.parseLong(arguments[6])) : limit;

        RecommendationLoad warmUp = new RecommendationLoad(portal, clinician, clients, requests, warmUpLimit).start();
        warmUp.await();
        System.out.println("warm-up:  " + LoadSummary.of(clients, warmUp.answers(), warmUp.elapsed()));
        Optional<CpuTimes> before = CpuTimes.now(portal.getPort());
        RecommendationLoad measured = new RecommendationLoad(portal, clinician, clients, requests, limit).start();
        measured.await();
        Optional<CpuTimes> after = CpuTimes.now(portal.getPort());
        LoadSummary summary = LoadSummary.of(clients, measured.answers(), measured.elapsed());
        System.out.println("measured: " + summary);
        if (before.isPresent() && after.isPresent() && summary.acknowledged() > 0) {
            System.out.println("          " + after.get().perRequestSince(before.get(), summary.acknowledged()));
        }
    }
}
