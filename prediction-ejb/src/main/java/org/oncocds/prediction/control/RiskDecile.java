package org.oncocds.prediction.control;

/**
 * One tenth of the patients, ranked by predicted risk: how many, their mean predicted risk, the share that had the event,
 * and the lowest and highest predicted risk in the group.
 */
public record RiskDecile(int decile, int patients, double meanRisk, double observedRate, double lowestRisk,
        double highestRisk) {
}
