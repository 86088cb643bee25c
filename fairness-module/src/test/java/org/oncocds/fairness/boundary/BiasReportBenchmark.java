package org.oncocds.fairness.boundary;

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bias report over 1,000,000 scored rows with three attributes (sex, age banded at 50 and 65, treatment arm), and
 * optionally the sex × age intersection: the single pass with point estimates, and the bootstrap timed on its own.
 * Compiled and run only with the {@code benchmark} profile (see docs/fairness-metrics.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BiasReportBenchmark {

    @Param("1000000")
    int rows;

    @Param({"false", "true"})
    boolean intersection;

    private List<ScoredRow> data;
    private BiasReportRequest request;

    @Setup
    public void createRows() {
        SplittableRandom random = new SplittableRandom(20_240_501L);
        String[] arms = {"Obs", "Lev", "Lev+5FU"};
        String[] ages = new String[101];
        for (int age = 0; age <= 100; age++) {
            ages[age] = Integer.toString(age);
        }
        data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            double score = random.nextDouble();
            int label = random.nextDouble() < score * 0.8 + 0.1 ? 1 : 0;
            data.add(new ScoredRow(label, score, Map.of("sex", random.nextBoolean() ? "1" : "0", "age", ages[18
                    + random.nextInt(80)], "arm", arms[random.nextInt(3)])));
        }
        BiasReportRequest base = BiasReportRequest.of("sex", "age", "arm").withBands("age", 50.0, 65.0);
        request = intersection ? base.withIntersection("sex", "age") : base;
    }

    /** One pass over the rows: per-group counts, metrics, disparities and verdicts; no bootstrap. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public BiasReport pointEstimates() {
        return new BiasReports().report(request.withBootstrap(0, 1), data);
    }

    /** The same report with the default 1000 bootstrap replicates (time includes the pass above). */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public BiasReport withBootstrap() {
        return new BiasReports().report(request.withBootstrap(1000, 1), data);
    }
}
