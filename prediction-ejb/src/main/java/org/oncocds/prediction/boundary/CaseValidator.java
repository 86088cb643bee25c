package org.oncocds.prediction.boundary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.FeatureSpec;
import org.oncocds.prediction.control.TaskDefinition;
import org.oncocds.prediction.control.ValueKind;

/**
 * Checks a clinician's raw inputs against the task: every refused field gets one {@link FieldError} naming it and the
 * reason, and a case with any error is refused whole.
 */
final class CaseValidator {

    static final String TASK_ID = "taskId";
    static final String MRN = "mrn";
    static final String REFERENCE_OPTION = "referenceOption";

    private final Function<String, Optional<TaskDefinition>> tasks;
    private final Supplier<List<String>> taskIds;

    CaseValidator(List<TaskDefinition> tasks) {
        this(id -> tasks.stream().filter(task -> task.id().equals(id)).findFirst(), () -> tasks.stream().map(
                TaskDefinition::id).toList());
    }

    /**
     * @param tasks
     *            the task of an id
     * @param taskIds
     *            every task's id, asked only to name them when a case names no known task
     */
    CaseValidator(Function<String, Optional<TaskDefinition>> tasks, Supplier<List<String>> taskIds) {
        this.tasks = tasks;
        this.taskIds = taskIds;
    }

    ValidCase validate(CaseRequest request) throws InvalidCaseException {
        List<FieldError> errors = new ArrayList<>();
        Optional<TaskDefinition> task = task(request.taskId(), errors);
        String mrn = text(request.mrn());
        if (mrn.isEmpty()) {
            errors.add(required(MRN));
        }
        if (task.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
        CaseValues given = features(task.get(), request.values(), errors);
        String reference = referenceOption(task.get(), request.referenceOption(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
        return new ValidCase(task.get(), mrn, given, reference);
    }

    private Optional<TaskDefinition> task(String taskId, List<FieldError> errors) {
        String id = text(taskId);
        if (id.isEmpty()) {
            errors.add(required(TASK_ID));
            return Optional.empty();
        }
        Optional<TaskDefinition> task = tasks.apply(id);
        if (task.isEmpty()) {
            String known = String.join(", ", taskIds.get());
            errors.add(new FieldError(TASK_ID, Problem.UNKNOWN_TASK, known, TASK_ID + " must be one of " + known));
        }
        return task;
    }

    private static CaseValues features(TaskDefinition task, Map<String, String> raw, List<FieldError> errors) {
        return features(task.features(), raw, errors);
    }

    /** The given values of {@code features} from raw text; one error per refused field added to {@code errors}. */
    static CaseValues features(List<FeatureSpec> features, Map<String, String> raw, List<FieldError> errors) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        for (FeatureSpec feature : features) {
            String value = text(raw.get(feature.name()));
            Optional<FieldError> error;
            if (value.isEmpty()) {
                error = feature.required() ? Optional.of(required(feature.name())) : Optional.empty();
            } else if (feature.isCategory()) {
                error = category(feature.name(), value, feature.categories());
                if (error.isEmpty()) {
                    categories.put(feature.name(), value);
                }
            } else {
                error = number(feature, value, numbers);
            }
            error.ifPresent(errors::add);
        }
        return new CaseValues(numbers, categories);
    }

    private static String referenceOption(TaskDefinition task, String raw, List<FieldError> errors) {
        String option = text(raw);
        if (option.isEmpty()) {
            return task.referenceOption();
        }
        category(REFERENCE_OPTION, option, task.treatmentOptions()).ifPresent(errors::add);
        return option;
    }

    static Optional<FieldError> category(String field, String code, List<String> codes) {
        if (codes.contains(code)) {
            return Optional.empty();
        }
        String allowed = String.join(", ", codes);
        return Optional.of(new FieldError(field, Problem.UNKNOWN_CATEGORY, allowed, field + " must be one of "
                + allowed));
    }

    private static Optional<FieldError> number(FeatureSpec feature, String text, Map<String, Double> numbers) {
        Optional<FieldError> error = number(feature.name(), feature.kind(), feature.minimum(), feature.maximum(),
                text);
        if (error.isEmpty()) {
            numbers.put(feature.name(), new BigDecimal(text).doubleValue());
        }
        return error;
    }

    /** Why {@code text} is not a valid number of {@code kind} within the bounds (null = none), if it is not. */
    static Optional<FieldError> number(String field, ValueKind kind, Double minimum, Double maximum, String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return Optional.of(new FieldError(field, Problem.NOT_A_NUMBER, "", field + " must be a number"));
        }
        if (kind == ValueKind.WHOLE_NUMBER && number.stripTrailingZeros().scale() > 0) {
            return Optional.of(new FieldError(field, Problem.NOT_A_WHOLE_NUMBER, "", field
                    + " must be a whole number"));
        }
        if (minimum != null && number.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            String bound = plain(minimum);
            return Optional.of(new FieldError(field, Problem.BELOW_MINIMUM, bound, field + " must be at least "
                    + bound));
        }
        if (maximum != null && number.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            String bound = plain(maximum);
            return Optional.of(new FieldError(field, Problem.ABOVE_MAXIMUM, bound, field + " must be at most "
                    + bound));
        }
        return Optional.empty();
    }

    static FieldError required(String field) {
        return new FieldError(field, Problem.REQUIRED, "", field + " is required");
    }

    static String text(String raw) {
        return raw == null ? "" : raw.strip();
    }

    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
