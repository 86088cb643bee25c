package org.oncocds.fairness.boundary;

/**
 * PASS: within tolerance. WARN: beyond it but the 95% interval reaches back inside (or there is no interval).
 * FAIL: the estimate and its whole interval are beyond it. NOT_ASSESSED: undefined or insufficient data.
 */
public enum Verdict {
    PASS, WARN, FAIL, NOT_ASSESSED
}
