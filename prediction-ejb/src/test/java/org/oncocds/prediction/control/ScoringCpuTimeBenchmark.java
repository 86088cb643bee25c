package org.oncocds.prediction.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The overhead of {@link TrainedModel#risksByOption} over raw Weka measured in the benchmark thread's CPU time, for a
 * machine shared with other builds: wall-clock benchmarks (JMH, {@link ScoringBenchmark}) there measure mostly how
 * long the thread waited for a core. Raw Weka (a private classifier copy, three prepared instances) and the application
 * path score the same colon patient under the three options in alternating batches, so that a change in the machine's
 * load hits both alike; each batch's CPU time per op is recorded, and the median over the rounds reported, with the
 * per-round ratio. Compiled only with the {@code benchmark} profile; run with
 * {@code mvn -B -pl prediction-ejb -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.oncocds.prediction.control.ScoringCpuTimeBenchmark}
 * (see docs/benchmarks.md).
 */
public final class ScoringCpuTimeBenchmark {

    private static final int ROUNDS = 40;
    private static final int BATCH = 20_000;

    private ScoringCpuTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TaskDefinition task = ColonRecurrence.TASK;
        List<LabelledCase> cohort = ColonRecurrence.cohort();
        TrainedModel model = ModelTrainer.train(task, cohort, 1);
        CaseValues patient = cohort.get(0).values().completedWith(model.imputation());
        Instances data = WekaDataset.trainingSet(task, cohort);
        FilteredClassifier trained = ModelTrainer.untrained();
        trained.buildClassifier(data);
        Classifier raw = AbstractClassifier.makeCopy(trained);
        Instances header = new Instances(data, 0);
        CaseValues modelValues = task.modelValues(patient);
        Instance[] instances = task.treatmentOptions().stream().map(option -> WekaDataset.instance(header, modelValues
                .with(task.treatmentFeature(), option))).toArray(Instance[]::new);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int warm = 0; warm < 10; warm++) {
            sink += raw(raw, instances, BATCH) + app(model, patient, BATCH);
        }
        List<Double> rawNs = new ArrayList<>();
        List<Double> appNs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean rawFirst = round % 2 == 0;
            double first = cpuNanosPerOp(threads, rawFirst, raw, instances, model, patient);
            double second = cpuNanosPerOp(threads, !rawFirst, raw, instances, model, patient);
            double rawOp = rawFirst ? first : second;
            double appOp = rawFirst ? second : first;
            rawNs.add(rawOp);
            appNs.add(appOp);
            ratios.add(appOp / rawOp);
        }
        System.out.printf("rounds %d x %d ops each (alternating), thread CPU time per op (one patient, 3 options)%n",
                ROUNDS, BATCH);
        System.out.printf("raw Weka          median %.1f ns  (quartiles %.1f .. %.1f)%n", median(rawNs), quartile(
                rawNs, 0.25), quartile(rawNs, 0.75));
        System.out.printf("risksByOption     median %.1f ns  (quartiles %.1f .. %.1f)%n", median(appNs), quartile(
                appNs, 0.25), quartile(appNs, 0.75));
        System.out.printf("overhead per round: median %+.1f%%  (quartiles %+.1f%% .. %+.1f%%)%n", 100 * (median(
                ratios) - 1), 100 * (quartile(ratios, 0.25) - 1), 100 * (quartile(ratios, 0.75) - 1));
        bootstrapMembers(threads, model, patient);
        System.out.println(sink == 42 ? "" : "done");
    }

    /**
     * The 100 bootstrap members scoring the patient under the three options: one instance built from the patient's
     * maps per member and option (before session 3) against one shared row (now), alternating as above.
     */
    private static void bootstrapMembers(ThreadMXBean threads, TrainedModel model, CaseValues patient) {
        TaskDefinition task = model.task();
        ScoringPlan plan = new ScoringPlan(model.header(), task);
        CaseValues inModel = task.modelValues(patient);
        int batch = BATCH / 100;
        List<Double> before = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        for (int round = -5; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int op = 0; op < batch; op++) {
                model.ensemble().positiveProbabilities(task.treatmentOptions().stream().map(option -> inModel.with(task
                        .treatmentFeature(), option)).toList());
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int op = 0; op < batch; op++) {
                model.ensemble().positiveProbabilitiesBySlotValue(plan.row(patient), plan.treatmentSlot(), task
                        .treatmentOptions().size());
            }
            long end = threads.getCurrentThreadCpuTime();
            if (round >= 0) {
                before.add((middle - start) / 1000.0 / batch);
                now.add((end - middle) / 1000.0 / batch);
            }
        }
        System.out.printf("bootstrap members (100 x 3 options): instance per member and option median %.1f us, "
                + "shared row median %.1f us (%+.1f%%)%n", median(before), median(now),
                100 * (median(now) / median(
                        before) - 1));
    }

    private static double cpuNanosPerOp(ThreadMXBean threads, boolean rawPath, Classifier raw, Instance[] instances,
            TrainedModel model, CaseValues patient) throws Exception {
        long start = threads.getCurrentThreadCpuTime();
        double sink = rawPath ? raw(raw, instances, BATCH) : app(model, patient, BATCH);
        long used = threads.getCurrentThreadCpuTime() - start;
        if (sink == 42) {
            System.out.println();
        }
        return (double) used / BATCH;
    }

    private static double raw(Classifier raw, Instance[] instances, int ops) throws Exception {
        double sum = 0;
        for (int op = 0; op < ops; op++) {
            for (Instance instance : instances) {
                sum += raw.distributionForInstance(instance)[1];
            }
        }
        return sum;
    }

    private static double app(TrainedModel model, CaseValues patient, int ops) {
        double sum = 0;
        for (int op = 0; op < ops; op++) {
            Map<String, Double> risks = model.risksByOption(patient);
            sum += risks.get("Obs");
        }
        return sum;
    }

    private static double median(List<Double> values) {
        return quartile(values, 0.5);
    }

    private static double quartile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return Percentile.of(sorted, q);
    }
}
