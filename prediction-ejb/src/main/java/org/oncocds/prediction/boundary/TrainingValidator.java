package org.oncocds.prediction.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.oncocds.prediction.control.Algorithm;
import org.oncocds.prediction.control.AlgorithmOption;
import org.oncocds.prediction.control.TaskDefinition;

/**
 * Checks a training request: a known task, a known algorithm and each option known to it and within its range; every
 * refused field ({@code taskId}, {@code algorithm}, {@code options.<name>}) gets one {@link FieldError}.
 */
final class TrainingValidator {

    static final String OPTIONS = "options.";

    /** A validated request: the task, the algorithm, every option's value (defaults filled in). */
    record ValidTraining(TaskDefinition task, Algorithm algorithm, Map<String, String> options) {
    }

    private TrainingValidator() {
    }

    static ValidTraining validate(TrainingRequest request, List<TaskDefinition> tasks)
            throws InvalidTrainingRequestException {
        List<FieldError> errors = new ArrayList<>();
        String taskId = CaseValidator.text(request.taskId());
        Optional<TaskDefinition> task = tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
        if (taskId.isEmpty()) {
            errors.add(CaseValidator.required(CaseValidator.TASK_ID));
        } else if (task.isEmpty()) {
            String known = tasks.stream().map(TaskDefinition::id).collect(Collectors.joining(", "));
            errors.add(new FieldError(CaseValidator.TASK_ID, Problem.UNKNOWN_TASK, known, CaseValidator.TASK_ID
                    + " must be one of " + known));
        }
        Optional<Algorithm> algorithm = Algorithm.byId(request.algorithm());
        if (CaseValidator.text(request.algorithm()).isEmpty()) {
            errors.add(CaseValidator.required("algorithm"));
        } else if (algorithm.isEmpty()) {
            CaseValidator.category("algorithm", request.algorithm().strip(), ids()).ifPresent(errors::add);
        } else {
            options(algorithm.get(), request.options(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidTrainingRequestException(errors);
        }
        return new ValidTraining(task.orElseThrow(), algorithm.orElseThrow(), algorithm.get().withDefaults(request
                .options()));
    }

    private static void options(Algorithm algorithm, Map<String, String> given, List<FieldError> errors) {
        List<String> names = algorithm.options().stream().map(AlgorithmOption::name).toList();
        given.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(unknown -> errors.add(
                new FieldError(OPTIONS + unknown, Problem.UNKNOWN_CATEGORY, String.join(", ", names), OPTIONS
                        + unknown + " is not an option of " + algorithm.id() + "; its options are " + String.join(
                                ", ", names))));
        for (AlgorithmOption option : algorithm.options()) {
            String value = CaseValidator.text(given.get(option.name()));
            if (value.isEmpty()) {
                continue;
            }
            String field = OPTIONS + option.name();
            Optional<FieldError> error = option.isFlag()
                    ? CaseValidator.category(field, value, List.of("true", "false"))
                    : CaseValidator.number(field, option.kind(), option.minimum(), option.maximum(), value);
            error.ifPresent(errors::add);
        }
        Map<String, String> values = algorithm.withDefaults(given);
        if (algorithm == Algorithm.NAIVE_BAYES && "true".equals(values.get("useKernelEstimator")) && "true".equals(
                values.get("useSupervisedDiscretization"))) {
            errors.add(new FieldError(OPTIONS + "useSupervisedDiscretization", Problem.UNKNOWN_CATEGORY, "false",
                    OPTIONS + "useSupervisedDiscretization cannot be true together with useKernelEstimator"));
        }
    }

    private static List<String> ids() {
        return java.util.Arrays.stream(Algorithm.values()).map(Algorithm::id).toList();
    }
}
