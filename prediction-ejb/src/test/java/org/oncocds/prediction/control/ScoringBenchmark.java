package org.oncocds.prediction.control;

import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * What the application's scoring path adds to raw Weka, and whether it scales with threads (issue 3): one colon patient
 * scored under the three treatment options, by raw {@code distributionForInstance} on prepared instances (a classifier
 * copy per thread, the best raw Weka can do safely) and by {@link TrainedModel#risksByOption} (pool borrow and return,
 * instance building, distribution), each with one and two threads. The intervals and the drivers are timed on their
 * own, so that the risk figures stay comparable. Compiled and run only with the {@code benchmark} profile:
 * {@code mvn -B -pl prediction-ejb -Pbenchmark test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoringBenchmark {

    private TrainedModel model;
    private CaseValues patient;
    private String referenceOption;
    private Classifier rawClassifier;
    private Instances rawHeader;
    private List<Instance> rawInstances;

    /** The registry's model, and a separately trained copy of the same classifier for raw Weka. */
    @Setup
    public void train() throws Exception {
        TaskDefinition task = ColonRecurrence.TASK;
        List<LabelledCase> cohort = ColonRecurrence.cohort();
        model = ModelTrainer.train(task, cohort, 1);
        // As the boundary does: the patient's inputs completed with the model's imputation.
        patient = cohort.get(0).values().completedWith(model.imputation());
        referenceOption = task.treatmentOptions().get(0);
        Instances data = WekaDataset.trainingSet(task, cohort);
        FilteredClassifier classifier = ModelTrainer.untrained();
        classifier.buildClassifier(data);
        rawClassifier = classifier;
        Instances header = new Instances(data, 0);
        rawHeader = header;
        CaseValues modelValues = task.modelValues(patient);
        rawInstances = task.treatmentOptions().stream().map(option -> WekaDataset.instance(header, modelValues.with(
                task.treatmentFeature(), option))).toList();
    }

    /** Raw Weka's thread confinement: each benchmark thread scores with its own classifier copy and instances. */
    @State(Scope.Thread)
    public static class RawWeka {
        Classifier classifier;
        Instance[] instances;

        @Setup
        public void copy(ScoringBenchmark shared) throws Exception {
            classifier = AbstractClassifier.makeCopy(shared.rawClassifier);
            instances = shared.rawInstances.stream().map(Instance::copy).map(Instance.class::cast).toArray(
                    Instance[]::new);
        }
    }

    @Benchmark
    @Threads(1)
    public void rawWekaThreeOptions1Thread(RawWeka raw, Blackhole sink) throws Exception {
        scoreRaw(raw, sink);
    }

    @Benchmark
    @Threads(2)
    public void rawWekaThreeOptions2Threads(RawWeka raw, Blackhole sink) throws Exception {
        scoreRaw(raw, sink);
    }

    @Benchmark
    @Threads(1)
    public Map<String, Double> risksByOption1Thread() {
        return model.risksByOption(patient);
    }

    @Benchmark
    @Threads(2)
    public Map<String, Double> risksByOption2Threads() {
        return model.risksByOption(patient);
    }

    /**
     * Diagnostic, not a comparison: raw Weka on a thread's own copy, with the three instances built from the patient's
     * values per call as the application does, so the rest of the overhead is the pool and the result map.
     */
    @Benchmark
    @Threads(1)
    public void rawWekaBuildingInstances1Thread(RawWeka raw, Blackhole sink) throws Exception {
        TaskDefinition task = ColonRecurrence.TASK;
        CaseValues modelValues = task.modelValues(patient);
        for (String option : task.treatmentOptions()) {
            sink.consume(raw.classifier.distributionForInstance(WekaDataset.instance(rawHeader, modelValues.with(task
                    .treatmentFeature(), option))));
        }
    }

    /** The 95% intervals: 100 bootstrap models × three options; not part of the overhead comparison. */
    @Benchmark
    @Threads(1)
    public Map<String, OptionInterval> intervalsByOption1Thread() {
        return model.intervalsByOption(patient, referenceOption);
    }

    /** The drivers of the reference option: one case per feature plus the patient's; not part of the comparison. */
    @Benchmark
    @Threads(1)
    public List<FeatureEffect> drivers1Thread() {
        return model.drivers(patient, referenceOption);
    }

    private static void scoreRaw(RawWeka raw, Blackhole sink) throws Exception {
        for (Instance instance : raw.instances) {
            sink.consume(raw.classifier.distributionForInstance(instance));
        }
    }
}
