package org.oncocds.prediction.boundary;

import java.util.Map;

/**
 * An administrator's request to train a new version of a task.
 *
 * @param taskId
 *            the task
 * @param algorithm
 *            {@code logistic}, {@code j48}, {@code random-forest} or {@code naive-bayes} (see
 *            {@link ModelVersions#algorithms()})
 * @param options
 *            the algorithm's options by name, as typed; missing ones take their defaults
 */
public record TrainingRequest(String taskId, String algorithm, Map<String, String> options) {

    public TrainingRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
