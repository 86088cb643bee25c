package org.oncocds.fairness.control;

/** The verdict on one disparity once its confidence interval is taken into account. */
public enum Assessment {
    PASS, WARN, FAIL, NOT_ASSESSED
}
