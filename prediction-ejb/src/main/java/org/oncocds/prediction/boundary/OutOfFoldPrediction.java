package org.oncocds.prediction.boundary;

import java.util.Map;

/**
 * One training patient scored by the cross-validation model that did not see the patient.
 *
 * @param label
 *            the observed outcome: 1 = the event happened within the horizon, 0 = it did not
 * @param risk
 *            the predicted probability of the event, 0..1
 * @param attributes
 *            the patient's recorded values by feature name, the treatment included (e.g. {@code sex -> "1"},
 *            {@code age -> "67"}, {@code rx -> "Obs"}); a value missing in the data is absent
 */
public record OutOfFoldPrediction(int label, double risk, Map<String, String> attributes) {

    public OutOfFoldPrediction {
        attributes = Map.copyOf(attributes);
    }
}
