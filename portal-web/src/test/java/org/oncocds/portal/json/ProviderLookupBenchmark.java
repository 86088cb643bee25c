package org.oncocds.portal.json;

import jakarta.json.Json;

/**
 * What a per-call provider lookup costs: the same small document built with {@code Json.createObjectBuilder()} (a
 * service-loader scan of the class path per builder) and with {@link PortalJson}'s one provider. A main program, not a
 * test (see the README for the command); it prints microseconds per document for three rounds.
 */
public final class ProviderLookupBenchmark {

    private static final int DOCUMENTS = 20_000;

    private ProviderLookupBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < DOCUMENTS; i++) {
                lookedUpPerCall();
            }
            long between = System.nanoTime();
            for (int i = 0; i < DOCUMENTS; i++) {
                fromOneProvider();
            }
            long end = System.nanoTime();
            System.out.printf("round %d: Json.create* %.1f us/doc, one provider %.2f us/doc%n", round, (between
                    - start) / 1e3 / DOCUMENTS, (end - between) / 1e3 / DOCUMENTS);
        }
    }

    static String lookedUpPerCall() {
        return Json.createObjectBuilder().add("taskId", "colon").add("risk", 0.41).add("interval", Json
                .createObjectBuilder().add("lower", 0.3).add("upper", 0.5)).build().toString();
    }

    static String fromOneProvider() {
        return PortalJson.object().add("taskId", "colon").add("risk", 0.41).add("interval", PortalJson.object().add(
                "lower", 0.3).add("upper", 0.5)).build().toString();
    }
}
