package org.oncocds.portal.pages;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.TaskDescription;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The texts of a task that {@code messages.properties} does not know (a task an administrator uploaded), made from its
 * definition: the title is the definition's outcome, an input is its name with its unit ({@code age (years)}), a
 * category code and a treatment option are shown as they are in the data. Asked only after the portal's own texts, so
 * the shipped tasks keep theirs. A task's definition never changes once added, so each is asked of the prediction
 * module once.
 */
final class TaskTexts implements IMessageResolver {

    static final String PREFIX = "task.";
    private static final String FEATURE = "feature.";
    private static final String OPTION = "option.";

    private final Function<String, Optional<TaskDescription>> tasks;
    private final Map<String, TaskDescription> known = new ConcurrentHashMap<>();

    /**
     * @param tasks
     *            the task by its id (the prediction module's {@code Tasks::byId})
     */
    TaskTexts(Function<String, Optional<TaskDescription>> tasks) {
        this.tasks = tasks;
    }

    @Override
    public String getName() {
        return "task-texts";
    }

    @Override
    public Integer getOrder() {
        return 2;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return text(key).orElse(null);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
            Object[] messageParameters) {
        return null;
    }

    /** The text for a {@code task.<id>...} key, when the task exists and the key names its title, input or option. */
    Optional<String> text(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        Optional<TaskDescription> task = task(dot < 0 ? rest : rest.substring(0, dot));
        if (task.isEmpty()) {
            return Optional.empty();
        }
        if (dot < 0) {
            return Optional.of(title(task.get().outcome()));
        }
        String part = rest.substring(dot + 1);
        if (part.startsWith(OPTION)) {
            return Optional.of(part.substring(OPTION.length()));
        }
        if (part.startsWith(FEATURE)) {
            return feature(task.get(), part.substring(FEATURE.length()));
        }
        return Optional.empty();
    }

    /**
     * An input ({@code age}: "age (years)") or one of its codes ({@code sex.1}: "1"). Names may contain dots
     * ({@code ph.ecog}), so the longest name the key starts with is the input.
     */
    private static Optional<String> feature(TaskDescription task, String key) {
        Optional<String> name = Stream.concat(task.features().stream().map(FeatureDescription::name), Stream.of(task
                .treatmentFeature())).filter(candidate -> key.equals(candidate) || key.startsWith(candidate + "."))
                .max(Comparator.comparingInt(String::length));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (key.length() > name.get().length()) {
            return Optional.of(key.substring(name.get().length() + 1));
        }
        String unit = task.features().stream().filter(feature -> feature.name().equals(name.get())).map(
                FeatureDescription::unit).filter(text -> text != null && !text.isBlank()).findFirst().orElse("");
        return Optional.of(unit.isEmpty() ? name.get() : name.get() + " (" + unit.strip() + ")");
    }

    private Optional<TaskDescription> task(String id) {
        TaskDescription cached = known.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TaskDescription> found = tasks.apply(id);
        found.ifPresent(task -> known.put(id, task));
        return found;
    }

    private static String title(String outcome) {
        String text = outcome == null ? "" : outcome.strip();
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
