package org.oncocds.prediction.control;

/** One training patient: the feature values (treatment included) and the known label (1 = event). */
record LabelledCase(CaseValues values, int label) {
}
