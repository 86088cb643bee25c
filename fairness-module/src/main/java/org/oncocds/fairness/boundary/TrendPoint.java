package org.oncocds.fairness.boundary;

import java.time.YearMonth;

/**
 * One month of a disparity's trend. {@code estimate} and {@code verdict} are null when that month has no report or its
 * report has no such disparity (e.g. the group did not occur).
 */
public record TrendPoint(YearMonth month, Estimate estimate, Verdict verdict) {
}
