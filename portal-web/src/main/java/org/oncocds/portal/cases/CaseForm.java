package org.oncocds.portal.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.oncocds.prediction.boundary.CaseRequest;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.TaskDescription;

/**
 * What the clinician typed into the case form, unparsed: the prediction module alone decides what is valid, and a
 * refused form is shown again exactly as typed.
 *
 * @param values
 *            the typed value of each of the task's features by name, blank when left empty
 */
record CaseForm(String taskId, String mrn, Map<String, String> values, String referenceOption) {

    static final String MRN = "mrn";
    static final String REFERENCE_OPTION = "referenceOption";

    CaseForm {
        values = Map.copyOf(values);
    }

    /** An empty form, comparing against the task's usual reference option. */
    static CaseForm blank(TaskDescription task) {
        Map<String, String> values = new HashMap<>();
        task.features().forEach(feature -> values.put(feature.name(), ""));
        return new CaseForm(task.id(), "", values, task.referenceOption());
    }

    /** The submitted form; parameters other than the task's inputs are ignored. */
    static CaseForm read(TaskDescription task, Function<String, String> parameters) {
        Map<String, String> values = new HashMap<>();
        for (FeatureDescription feature : task.features()) {
            values.put(feature.name(), orBlank(parameters.apply(feature.name())));
        }
        return new CaseForm(task.id(), orBlank(parameters.apply(MRN)), values, orBlank(parameters.apply(
                REFERENCE_OPTION)));
    }

    CaseRequest toRequest() {
        return new CaseRequest(taskId, mrn, values, referenceOption);
    }

    String valueOf(String feature) {
        return values.getOrDefault(feature, "");
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        // Never print the MRN.
        return "CaseForm[taskId=" + taskId + ", values=" + values + ", referenceOption=" + referenceOption + "]";
    }
}
