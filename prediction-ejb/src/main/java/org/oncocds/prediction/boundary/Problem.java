package org.oncocds.prediction.boundary;

/** Why an input value was refused. */
public enum Problem {
    REQUIRED, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, BELOW_MINIMUM, ABOVE_MAXIMUM, UNKNOWN_CATEGORY, UNKNOWN_TASK
}
