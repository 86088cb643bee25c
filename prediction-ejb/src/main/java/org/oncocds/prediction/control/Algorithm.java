package org.oncocds.prediction.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.functions.Logistic;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * The Weka algorithms a task can be trained with, their settable options, and the untrained classifier: always wrapped
 * in a {@link FilteredClassifier} with the missing-value preprocessing, so that scoring preprocesses as training did.
 * The options are validated by the caller against {@link #options()}; here they are already numbers and flags.
 */
public enum Algorithm {

    LOGISTIC("logistic", List.of(AlgorithmOption.number("ridge", 0, 1.0E6, "0.0001",
            "ridge penalty on the log-likelihood"),
            AlgorithmOption.wholeNumber("maxIterations", -1, 100_000, "-1", "iteration limit; -1 = until convergence")),
            values -> {
                Logistic logistic = new Logistic();
                logistic.setRidge(Double.parseDouble(values.get("ridge")));
                logistic.setMaxIts(Integer.parseInt(values.get("maxIterations")));
                return logistic;
            }),

    J48("j48", List.of(AlgorithmOption.number("confidenceFactor", 0.001, 0.5, "0.25",
            "pruning confidence; smaller prunes more"),
            AlgorithmOption.wholeNumber("minNumObj", 1, 10_000, "2", "minimum patients per leaf"),
            AlgorithmOption.flag("unpruned", "grow the tree without pruning")),
            values -> {
                weka.classifiers.trees.J48 tree = new weka.classifiers.trees.J48();
                tree.setConfidenceFactor(Float.parseFloat(values.get("confidenceFactor")));
                tree.setMinNumObj(Integer.parseInt(values.get("minNumObj")));
                tree.setUnpruned(Boolean.parseBoolean(values.get("unpruned")));
                return tree;
            }),

    RANDOM_FOREST("random-forest", List.of(AlgorithmOption.wholeNumber("numTrees", 1, 1000, "100",
            "number of trees"),
            AlgorithmOption.wholeNumber("maxDepth", 0, 100, "0", "maximum tree depth; 0 = unlimited"),
            AlgorithmOption.wholeNumber("numFeatures", 0, 100, "0",
                    "features tried per split; 0 = log2(features) + 1"),
            AlgorithmOption.wholeNumber("seed", 0, Integer.MAX_VALUE, "1", "random seed (same seed, same forest)")),
            values -> {
                RandomForest forest = new RandomForest();
                forest.setNumIterations(Integer.parseInt(values.get("numTrees")));
                forest.setMaxDepth(Integer.parseInt(values.get("maxDepth")));
                forest.setNumFeatures(Integer.parseInt(values.get("numFeatures")));
                forest.setSeed(Integer.parseInt(values.get("seed")));
                return forest;
            }),

    NAIVE_BAYES("naive-bayes", List.of(AlgorithmOption.flag("useKernelEstimator",
            "kernel density estimates for numbers instead of normal distributions"),
            AlgorithmOption.flag("useSupervisedDiscretization",
                    "discretize numbers (cannot be combined with useKernelEstimator)")),
            values -> {
                NaiveBayes bayes = new NaiveBayes();
                bayes.setUseKernelEstimator(Boolean.parseBoolean(values.get("useKernelEstimator")));
                bayes.setUseSupervisedDiscretization(Boolean.parseBoolean(values.get(
                        "useSupervisedDiscretization")));
                return bayes;
            });

    private final String id;
    private final List<AlgorithmOption> options;
    private final Function<Map<String, String>, AbstractClassifier> classifier;

    Algorithm(String id, List<AlgorithmOption> options, Function<Map<String, String>, AbstractClassifier> classifier) {
        this.id = id;
        this.options = options;
        this.classifier = classifier;
    }

    /** How requests name it: {@code logistic}, {@code j48}, {@code random-forest}, {@code naive-bayes}. */
    public String id() {
        return id;
    }

    public List<AlgorithmOption> options() {
        return options;
    }

    public static Optional<Algorithm> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Algorithm algorithm : values()) {
            if (algorithm.id.equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** Each option's value: the given one, else its default. */
    public Map<String, String> withDefaults(Map<String, String> given) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (AlgorithmOption option : options) {
            String value = given.get(option.name());
            all.put(option.name(), value == null || value.isBlank() ? option.defaultValue() : value.strip());
        }
        return all;
    }

    /** The untrained classifier with {@code options} (validated, see {@link #withDefaults}), preprocessing included. */
    FilteredClassifier untrained(Map<String, String> options) {
        FilteredClassifier filtered = new FilteredClassifier();
        filtered.setFilter(new ReplaceMissingValues());
        Map<String, String> values = withDefaults(options);
        filtered.setClassifier(classifier.apply(values));
        // FilteredClassifier re-seeds a randomizable classifier from its own seed: the forest's seed goes there.
        filtered.setSeed(values.containsKey("seed") ? Integer.parseInt(values.get("seed")) : 1);
        return filtered;
    }
}
