package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.Classifier;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.functions.Logistic;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/** The algorithms issue 3 names still train and score with the trimmed Weka dependencies. */
class WekaAlgorithmsTest {

    static Stream<Classifier> algorithms() {
        return Stream.of(new Logistic(), new J48(), new RandomForest(), new NaiveBayes());
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void trainsAndScoresTheColonData(Classifier algorithm) throws Exception {
        Instances data = WekaDataset.trainingSet(ColonRecurrence.TASK, ColonRecurrence.cohort());
        FilteredClassifier classifier = new FilteredClassifier();
        classifier.setFilter(new ReplaceMissingValues());
        classifier.setClassifier(algorithm);
        classifier.buildClassifier(data);
        double[] distribution = classifier.distributionForInstance(data.instance(0));
        assertEquals(2, distribution.length);
        assertEquals(1.0, distribution[0] + distribution[1], 1e-9);
        assertTrue(distribution[1] >= 0 && distribution[1] <= 1);
    }
}
