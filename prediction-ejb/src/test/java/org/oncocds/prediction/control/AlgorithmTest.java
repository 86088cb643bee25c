package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each algorithm trains a storable, loadable version with its options, its cross-validation reporting each fold. */
class AlgorithmTest {

    private static final ModelRegistry REGISTRY = TrainedRegistry.create();

    @Test
    void eachAlgorithmTrainsAVersionThatLoadsBackWithTheSameRisks() {
        Map<Algorithm, Map<String, String>> options = Map.of(Algorithm.LOGISTIC, Map.of("ridge", "0.01"),
                Algorithm.J48, Map.of("minNumObj", "20"), Algorithm.RANDOM_FOREST, Map.of("numTrees", "10", "maxDepth",
                        "6"),
                Algorithm.NAIVE_BAYES, Map.of());
        for (Algorithm algorithm : Algorithm.values()) {
            List<Integer> folds = new ArrayList<>();
            TrainedModel model = REGISTRY.train(ColonRecurrence.TASK.id(), algorithm, options.get(algorithm),
                    Runnable::run, folds::add).named("colon-recurrence-5y/9");
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), folds, algorithm.id());
            assertEquals(888, model.crossValidation().predictions().size());
            assertTrue(model.crossValidation().auc() > 0.6, algorithm.id() + " AUC " + model.crossValidation().auc());
            var stored = TrainedRegistry.validated(model, 9);
            TrainedModel loaded = REGISTRY.reload(stored);
            CaseValues patient = model.referenceValues().withValue("nodes", 6.0);
            assertEquals(model.risksByOption(patient), loaded.risksByOption(patient), algorithm.id());
            assertTrue(stored.getAlgorithm().startsWith("weka.classifiers."), stored.getAlgorithm());
            System.out.printf("%s %s: CV AUC %.3f, Brier %.3f, calibration slope %.3f%n", algorithm.id(), stored
                    .getOptions(), model.crossValidation().auc(), model.crossValidation().brierScore(),
                    model
                            .crossValidation().calibrationSlope());
        }
    }

    @Test
    void theOptionsReachTheClassifier() {
        TrainedModel tree = REGISTRY.train(ColonRecurrence.TASK.id(), Algorithm.J48, Map.of("minNumObj", "40",
                "unpruned", "true"), Runnable::run, fold -> {
                });
        assertEquals("weka.classifiers.trees.J48", tree.classifierName());
        assertTrue(tree.classifierOptions().contains("-U"), tree.classifierOptions());
        assertTrue(tree.classifierOptions().contains("-M 40"), tree.classifierOptions());
    }
}
