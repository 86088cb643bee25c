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
 */
public record TaskDescription(String id, String outcome, String dataset, String treatmentFeature,
        List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureDescription> features,
        ModelDescription activeModel, double horizonDays) {

    public TaskDescription {
        treatmentOptions = List.copyOf(treatmentOptions);
        features = List.copyOf(features);
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
