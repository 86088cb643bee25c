package org.oncocds.prediction.boundary;

import org.oncocds.prediction.control.CaseValues;
import org.oncocds.prediction.control.TaskDefinition;

/**
 * A case whose inputs passed validation: the task, the patient's given values (missing optional features absent), the
 * trimmed MRN and the reference option.
 */
record ValidCase(TaskDefinition task, String mrn, CaseValues given, String referenceOption) {

    @Override
    public String toString() {
        // Never print the MRN.
        return "ValidCase[task=" + task.id() + ", given=" + given + ", referenceOption=" + referenceOption + "]";
    }
}
