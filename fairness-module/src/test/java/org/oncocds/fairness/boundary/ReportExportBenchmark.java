package org.oncocds.fairness.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering the exports of a stored report shaped like the colon review (888 rows; sex, age band, arm, sex × age band;
 * 1000 bootstrap replicates): the work a download does besides reading the row and recording the export. Compiled and
 * run only with the {@code benchmark} profile: {@code -Djmh.args=ReportExportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReportExportBenchmark {

    private static final FairnessStatus APPROVED = new FairnessStatus("colon-recurrence-5y/1", ReviewStatus.APPROVED,
            1L, 1, "officer", Instant.parse("2026-11-25T07:00:00Z"), "Reviewed.");

    private StoredBiasReport stored;

    @Setup
    public void storeReport() {
        SplittableRandom random = new SplittableRandom(7);
        String[] arms = {"Obs", "Lev", "Lev+5FU"};
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 888; i++) {
            double score = random.nextDouble();
            rows.add(new ScoredRow(random.nextDouble() < score ? 1 : 0, score, Map.of("sex", Integer.toString(i % 2),
                    "age", Integer.toString(30 + random.nextInt(55)), "rx", arms[i % 3])));
        }
        BiasReport report = new BiasReports().report(ReviewPlans.standardRequest("colon-recurrence-5y")
                .orElseThrow(), rows);
        stored = new StoredBiasReport(1, "colon-recurrence-5y", "colon-recurrence-5y/1", "a".repeat(64), 1,
                ModelBiasReports.CROSS_VALIDATION, "b".repeat(64), "c".repeat(64), Instant.now(), "officer", report);
    }

    @Benchmark
    public int pdf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(stored, APPROVED, Instant.now(), "officer", out);
        return out.size();
    }

    @Benchmark
    public int csv() throws IOException {
        StringWriter out = new StringWriter();
        ReportCsv.write(stored, out);
        return out.getBuffer().length();
    }

    @Benchmark
    public int json() {
        return ReportJson.document(stored, APPROVED).length();
    }
}
