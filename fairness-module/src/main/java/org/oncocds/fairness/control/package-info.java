/** The bias-metrics engine: one pass over scored rows into per-group counts, metrics, bootstrap intervals, verdicts. */
package org.oncocds.fairness.control;
