package org.oncocds.prediction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncocds.prediction.control.Algorithm;
import org.oncocds.prediction.control.ColonRecurrence;
import org.oncocds.prediction.control.RotterdamRelapseFree;
import org.oncocds.prediction.control.TaskDefinition;

/** A training request is refused field by field, options named {@code options.<name>}. */
class TrainingValidatorTest {

    private static final List<TaskDefinition> TASKS = List.of(ColonRecurrence.TASK, RotterdamRelapseFree.TASK);

    @Test
    void fillsInTheDefaultsOfOptionsNotGiven() throws InvalidTrainingRequestException {
        TrainingValidator.ValidTraining valid = TrainingValidator.validate(new TrainingRequest("colon-recurrence-5y",
                "Random-Forest", Map.of("numTrees", " 25 ")), TASKS);
        assertEquals(Algorithm.RANDOM_FOREST, valid.algorithm());
        assertEquals(Map.of("numTrees", "25", "maxDepth", "0", "numFeatures", "0", "seed", "1"), valid.options());
    }

    @Test
    void refusesEachBadFieldNamingIt() {
        InvalidTrainingRequestException refused = assertThrows(InvalidTrainingRequestException.class,
                () -> TrainingValidator.validate(new TrainingRequest("colon-recurrence-5y", "j48", Map.of(
                        "confidenceFactor", "0.9", "minNumObj", "2.5", "unpruned", "yes", "depth", "3")), TASKS));
        assertEquals(List.of(
                new FieldError("options.depth", Problem.UNKNOWN_CATEGORY, "confidenceFactor, minNumObj, unpruned",
                        "options.depth is not an option of j48; its options are confidenceFactor, minNumObj,"
                                + " unpruned"),
                new FieldError("options.confidenceFactor", Problem.ABOVE_MAXIMUM, "0.5",
                        "options.confidenceFactor must be at most 0.5"),
                new FieldError("options.minNumObj", Problem.NOT_A_WHOLE_NUMBER, "",
                        "options.minNumObj must be a whole number"),
                new FieldError("options.unpruned", Problem.UNKNOWN_CATEGORY, "true, false",
                        "options.unpruned must be one of true, false")),
                refused.errors());
    }

    @Test
    void refusesAnUnknownTaskAndAlgorithm() {
        InvalidTrainingRequestException refused = assertThrows(InvalidTrainingRequestException.class,
                () -> TrainingValidator.validate(new TrainingRequest("lung", "svm", Map.of()), TASKS));
        assertEquals(List.of("taskId", "algorithm"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("algorithm must be one of logistic, j48, random-forest, naive-bayes", refused.errors().get(1)
                .message());
        assertEquals(List.of("taskId", "algorithm"), assertThrows(InvalidTrainingRequestException.class,
                () -> TrainingValidator.validate(new TrainingRequest(" ", null, null), TASKS)).errors().stream().map(
                        FieldError::field)
                .toList());
    }

    @Test
    void refusesNaiveBayesWithBothKernelAndDiscretization() {
        InvalidTrainingRequestException refused = assertThrows(InvalidTrainingRequestException.class,
                () -> TrainingValidator.validate(new TrainingRequest("rotterdam-rfs-5y", "naive-bayes", Map.of(
                        "useKernelEstimator", "true", "useSupervisedDiscretization", "true")), TASKS));
        assertEquals("options.useSupervisedDiscretization", refused.errors().get(0).field());
    }

    @Test
    void refusesANegativeRidge() {
        InvalidTrainingRequestException refused = assertThrows(InvalidTrainingRequestException.class,
                () -> TrainingValidator.validate(new TrainingRequest("colon-recurrence-5y", "logistic", Map.of("ridge",
                        "-1")), TASKS));
        assertEquals(new FieldError("options.ridge", Problem.BELOW_MINIMUM, "0", "options.ridge must be at least 0"),
                refused.errors().get(0));
    }
}
