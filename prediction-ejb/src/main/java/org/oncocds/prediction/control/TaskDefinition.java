package org.oncocds.prediction.control;

import java.util.List;
import java.util.Optional;

/**
 * What a task predicts and from what: the outcome, the data it is learnt from, the patient's features, the treatment
 * feature whose options are compared, and the patient attributes its models are reviewed for bias by. The same kind of
 * thing for the shipped tasks (defined in code) and the ones administrators add from an uploaded dataset
 * ({@code uploaded}).
 */
public record TaskDefinition(String id, String outcome, String dataset, String treatmentFeature,
        List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureSpec> features,
        double horizonDays, List<String> subgroupAttributes, boolean uploaded) {

    /** Five years in days, the horizon of the shipped tasks. */
    public static final double FIVE_YEARS = 1826.25;

    public TaskDefinition {
        treatmentOptions = List.copyOf(treatmentOptions);
        features = List.copyOf(features);
        subgroupAttributes = List.copyOf(subgroupAttributes);
    }

    /** A shipped task (defined in code, not uploaded). */
    public TaskDefinition(String id, String outcome, String dataset, String treatmentFeature,
            List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureSpec> features,
            double horizonDays, List<String> subgroupAttributes) {
        this(id, outcome, dataset, treatmentFeature, treatmentOptions, referenceOption, randomised, features,
                horizonDays, subgroupAttributes, false);
    }

    /** A shipped task without subgroup attributes. */
    public TaskDefinition(String id, String outcome, String dataset, String treatmentFeature,
            List<String> treatmentOptions, String referenceOption, boolean randomised, List<FeatureSpec> features,
            double horizonDays) {
        this(id, outcome, dataset, treatmentFeature, treatmentOptions, referenceOption, randomised, features,
                horizonDays, List.of(), false);
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
