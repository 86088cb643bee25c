package org.oncocds.prediction.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.filters.Filter;

/**
 * Trains a task's model: ridge logistic regression with missing values replaced by the training means and modes, both
 * bundled in one {@link FilteredClassifier} so that scoring preprocesses exactly as training did.
 */
final class ModelTrainer {

    /** A small ridge keeps the coefficients stable for sparse categories without visibly shrinking them. */
    static final double RIDGE = 1.0E-4;

    /** Enough bootstrap models for stable 2.5/97.5 percentiles; Logistic trains in milliseconds. */
    static final int BOOTSTRAP_MODELS = 100;
    static final long BOOTSTRAP_SEED = 1;

    private ModelTrainer() {
    }

    /** The classifier before training, e.g. for cross-validation. */
    static FilteredClassifier untrained() {
        // Deterministic by construction; the seed is pinned so a change of algorithm stays reproducible.
        return Algorithm.LOGISTIC.untrained(Map.of("ridge", String.valueOf(RIDGE)));
    }

    static TrainedModel train(TaskDefinition task, List<LabelledCase> cases, int version) {
        return train(task, cases, version, Runnable::run);
    }

    /** As {@link #train(TaskDefinition, List, int)}, the bootstrap models trained on {@code executor}. */
    static TrainedModel train(TaskDefinition task, List<LabelledCase> cases, int version, Executor executor) {
        return train(task, cases, task.id() + "/" + version, untrained(), executor, progress -> {
        });
    }

    /**
     * Trains {@code untrained} (preprocessing included) on the task's labelled cases, cross-validates it (reporting each
     * fold done to {@code foldsDone}) and trains its bootstrap models on {@code executor}.
     */
    static TrainedModel train(TaskDefinition task, List<LabelledCase> cases, String version,
            FilteredClassifier untrained, Executor executor, IntConsumer foldsDone) {
        Instances data = WekaDataset.trainingSet(task, cases);
        FilteredClassifier classifier = trained(task, untrained, data);
        Instances header = new Instances(data, 0);
        String sha256 = sha256(serialized(classifier, header));
        CaseValues meansAndModes = trainingMeansAndModes(task, classifier.getFilter(), header);
        CrossValidationResult crossValidation = CrossValidator.run(untrained, data, foldsDone);
        BootstrapEnsemble ensemble = BootstrapEnsemble.train(untrained, data, BOOTSTRAP_MODELS, BOOTSTRAP_SEED,
                executor);
        return new TrainedModel(task, version, classifier, header, sha256, sha256(data.toString().getBytes(
                StandardCharsets.UTF_8)), Instant.now(), data.numInstances(), meansAndModes, crossValidation,
                ensemble);
    }

    private static FilteredClassifier trained(TaskDefinition task, FilteredClassifier untrained, Instances data) {
        FilteredClassifier classifier;
        try {
            classifier = (FilteredClassifier) AbstractClassifier.makeCopy(untrained);
            classifier.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("training " + task.id() + " failed", e);
        }
        return classifier;
    }

    /** The model and its header as {@code SerializationHelper.writeAll} stores them. */
    static byte[] serialized(Classifier classifier, Instances header) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            SerializationHelper.writeAll(bytes, new Object[]{classifier, header});
        } catch (Exception e) {
            throw new IllegalStateException("the model cannot be serialized", e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /**
     * The values the trained filter puts in place of each missing feature (training mean or mode), read by passing an
     * all-missing case through a copy of it, so that they are exactly what the model uses.
     */
    static CaseValues trainingMeansAndModes(TaskDefinition task, Filter trainedFilter, Instances header) {
        Instance replaced;
        try {
            // A copy keeps the trained means and modes; setInputFormat would discard them.
            Filter filter = Filter.makeCopy(trainedFilter);
            filter.input(WekaDataset.instance(header, new CaseValues(Map.of(), Map.of())));
            replaced = filter.output();
        } catch (Exception e) {
            throw new IllegalStateException("the training means and modes cannot be read", e);
        }
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        for (FeatureSpec feature : task.features()) {
            Attribute attribute = replaced.dataset().attribute(feature.name());
            if (attribute.isNominal()) {
                categories.put(feature.name(), replaced.stringValue(attribute));
            } else {
                numbers.put(feature.name(), replaced.value(attribute));
            }
        }
        return new CaseValues(numbers, categories);
    }

    /** The training means and modes of the optional features: what a blank optional input becomes. */
    static CaseValues optionalOnly(TaskDefinition task, CaseValues meansAndModes) {
        Map<String, Double> numbers = new HashMap<>(meansAndModes.numbers());
        Map<String, String> categories = new HashMap<>(meansAndModes.categories());
        for (FeatureSpec feature : task.features()) {
            if (feature.required()) {
                numbers.remove(feature.name());
                categories.remove(feature.name());
            }
        }
        return new CaseValues(numbers, categories);
    }
}
