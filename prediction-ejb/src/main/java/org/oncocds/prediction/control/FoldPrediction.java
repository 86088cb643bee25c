package org.oncocds.prediction.control;

import java.util.Map;

/**
 * A training patient's predicted risk from the cross-validation model that did not see the patient, with the observed
 * label and the patient's recorded values (features and treatment; missing values absent), for bias checks.
 */
public record FoldPrediction(int label, double risk, Map<String, String> attributes) {

    public FoldPrediction {
        attributes = Map.copyOf(attributes);
    }
}
