package org.oncocds.prediction.boundary;

import java.util.List;

/**
 * A training algorithm an administrator can choose, with its options.
 *
 * @param id
 *            how {@link TrainingRequest#algorithm()} names it, e.g. {@code random-forest}
 * @param options
 *            its settable options
 */
public record AlgorithmDescription(String id, List<OptionDescription> options) {

    public AlgorithmDescription {
        options = List.copyOf(options);
    }

    /**
     * One option: {@code type} NUMBER, WHOLE_NUMBER or CATEGORY (then {@code true}/{@code false}); bounds null when
     * there are none.
     */
    public record OptionDescription(String name, FeatureType type, Double minimum, Double maximum,
            String defaultValue, String meaning) {
    }
}
