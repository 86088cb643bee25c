package org.oncocds.deploy.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Throughput and latency of the acknowledged (HTTP 200) answers of a load run, and a count of everything else. */
public record LoadSummary(int clients, int acknowledged, int refused, Duration elapsed, double perSecond,
        double p50Millis, double p99Millis, Map<String, Long> otherOutcomes) {

    public static LoadSummary of(int clients, List<RecommendationLoad.Answer> answers, Duration elapsed) {
        long[] latencies = answers.stream().filter(RecommendationLoad.Answer::acknowledged).mapToLong(
                RecommendationLoad.Answer::latencyNanos).sorted().toArray();
        Map<String, Long> others = answers.stream().filter(answer -> !answer.acknowledged()).collect(Collectors
                .groupingBy(answer -> answer.status() == 0 ? "no answer" : "HTTP " + answer.status(), TreeMap::new,
                        Collectors.counting()));
        double seconds = elapsed.toNanos() / 1e9;
        return new LoadSummary(clients, latencies.length, answers.size() - latencies.length, elapsed, latencies.length
                / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99), others);
    }

    /** Nearest-rank percentile in milliseconds. */
    static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d clients: %d acknowledged in %.1f s = %.1f/s, p50 %.1f ms, p99 %.1f ms%s",
                clients, acknowledged, elapsed.toNanos() / 1e9, perSecond, p50Millis, p99Millis, otherOutcomes
                        .isEmpty() ? "" : ", not acknowledged: " + otherOutcomes);
    }
}
