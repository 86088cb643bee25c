package org.oncocds.prediction.control;

import java.util.List;
import java.util.Optional;

/**
 * What a task predicts and from what: the outcome, the data it is learnt from, the patient's features and the treatment
 * feature whose options are compared.
 */
public record TaskDefinition(String id, String outcome, String dataset, String treatmentFeature,
        List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureSpec> features,
        double horizonDays) {

    /** Five years in days, the horizon of the shipped tasks. */
    public static final double FIVE_YEARS = 1826.25;

    public TaskDefinition {
        treatmentOptions = List.copyOf(treatmentOptions);
        features = List.copyOf(features);
    }

    /** A task with the five-year horizon. */
    public TaskDefinition(String id, String outcome, String dataset, String treatmentFeature,
            List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureSpec> features) {
        this(id, outcome, dataset, treatmentFeature, treatmentOptions, referenceOption, randomised, features,
                FIVE_YEARS);
    }

    public Optional<FeatureSpec> feature(String name) {
        return features.stream().filter(feature -> feature.name().equals(name)).findFirst();
    }

    /** A patient's values as the model reads them: each binned number replaced by the label of its bin. */
    public CaseValues modelValues(CaseValues patient) {
        CaseValues model = patient;
        for (FeatureSpec feature : features) {
            if (feature.isBinned() && patient.numbers().containsKey(feature.name())) {
                model = model.withValue(feature.name(), feature.binOf(patient.numbers().get(feature.name())));
            }
        }
        return model;
    }
}
