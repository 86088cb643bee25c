package org.oncocds.prediction.boundary;

/**
 * One point of a reliability curve: the patients in one tenth of the out-of-fold predicted risks.
 *
 * @param decile
 *            1 = the lowest predicted risks, 10 = the highest
 * @param patients
 *            how many patients the decile holds
 * @param meanPredictedRisk
 *            their mean predicted risk, 0..1
 * @param observedRate
 *            the share of them that had the event, 0..1 (ideal: equal to the mean predicted risk)
 * @param lowestRisk
 *            the lowest predicted risk in the decile
 * @param highestRisk
 *            the highest predicted risk in the decile
 */
public record ReliabilityBin(int decile, int patients, double meanPredictedRisk, double observedRate,
        double lowestRisk, double highestRisk) {
}
