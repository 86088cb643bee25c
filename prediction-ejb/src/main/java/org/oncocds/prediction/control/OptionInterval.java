package org.oncocds.prediction.control;

/**
 * The 95% bootstrap percentile intervals of one treatment option's risk and of its absolute benefit over the reference
 * option (benefit = reference risk minus this option's risk, computed within each bootstrap member).
 */
public record OptionInterval(double riskLower, double riskUpper, double benefitLower, double benefitUpper) {
}
