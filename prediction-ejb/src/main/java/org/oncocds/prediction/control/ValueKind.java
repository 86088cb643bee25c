package org.oncocds.prediction.control;

/** How a task's input value is represented: the model's view of a feature. */
public enum ValueKind {
    NUMBER, WHOLE_NUMBER, CATEGORY
}
