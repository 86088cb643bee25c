package org.oncocds.prediction.boundary;

import java.util.List;

/**
 * A prediction task: what is predicted, from which inputs, and which treatment options are compared.
 *
 * @param id
 *            stable identifier, e.g. {@code colon-recurrence-5y}
 * @param outcome
 *            what the probability is of, e.g. {@code recurrence within 5 years}
 * @param dataset
 *            the data the model was trained on
 * @param treatmentFeature
 *            the input that names the treatment option
 * @param treatmentOptions
 *            the options compared side by side
 * @param referenceOption
 *            the default option the others are compared against (e.g. observation)
 * @param randomised
 *            whether treatment was randomised in the training data; if not, differences between options are
 *            confounded by indication and the portal says so
 * @param features
 *            the patient's inputs, without the treatment feature
 * @param activeModel
 *            the model that answers for this task; null when none may answer
 * @param horizonDays
 *            the label's horizon: the outcome is an event at or before this many days (1826.25 = 5 years); patients
 *            censored earlier have no label
 * @param subgroupAttributes
 *            the patient attributes (feature names, or the treatment feature) the task's models are reviewed for bias
 *            by, e.g. {@code sex}, {@code age}, {@code rx}
 * @param uploaded
 *            whether an administrator added the task from an uploaded dataset ({@link TaskUploads}); false for the
 *            tasks shipped with OncoCDS
 */
public record TaskDescription(String id, String outcome, String dataset, String treatmentFeature,
        List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureDescription> features,
        ModelDescription activeModel, double horizonDays, List<String> subgroupAttributes, boolean uploaded) {

    public TaskDescription {
        treatmentOptions = List.copyOf(treatmentOptions);
        features = List.copyOf(features);
        subgroupAttributes = List.copyOf(subgroupAttributes);
    }

    /** A shipped task described without its subgroup attributes (the contract before task uploads). */
    public TaskDescription(String id, String outcome, String dataset, String treatmentFeature,
            List<String> treatmentOptions, String referenceOption, boolean randomised,
            List<FeatureDescription> features, ModelDescription activeModel, double horizonDays) {
        this(id, outcome, dataset, treatmentFeature, treatmentOptions, referenceOption, randomised, features,
                activeModel, horizonDays, List.of(), false);
    }

    /** A task described without its horizon (the original contract): five years. */
    public TaskDescription(String id, String outcome, String dataset, String treatmentFeature,
            List<String> treatmentOptions, String referenceOption, boolean randomised,
            List<FeatureDescription> features,
            ModelDescription activeModel) {
        this(id, outcome, dataset, treatmentFeature, treatmentOptions, referenceOption, randomised, features,
                activeModel, 1826.25);
    }
}
