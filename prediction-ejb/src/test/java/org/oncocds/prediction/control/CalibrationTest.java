package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void calibrationInTheLargeOfACoinFlipModelIsTheLogOddsOfTheEventRate() {
        // Every risk 0.5 (logit 0) and 3 of 4 events: a = logit(3/4) = ln 3.
        List<FoldPrediction> predictions = List.of(p(0.5, 1), p(0.5, 1), p(0.5, 1), p(0.5, 0));
        assertEquals(Math.log(3), Calibration.inTheLarge(predictions), 1e-9);
    }

    @Test
    void twoRiskGroupsAreFittedExactlyByInterceptAndSlope() {
        // Two distinct logits make the fit saturated: a + b * 0 = logit(1/4) = -ln 3 and a + b * ln 3 = logit(3/4)
        // = ln 3, so a = -ln 3 and b = 2: the model's risks 0.5 and 0.75 are too moderate.
        List<FoldPrediction> predictions = List.of(p(0.5, 1), p(0.5, 0), p(0.5, 0), p(0.5, 0), p(0.75, 1), p(0.75, 1),
                p(0.75, 1), p(0.75, 0));
        double[] fit = Calibration.interceptAndSlope(predictions);
        assertEquals(-Math.log(3), fit[0], 1e-9);
        assertEquals(2.0, fit[1], 1e-9);
    }

    @Test
    void perfectlyCalibratedRisksHaveInterceptZeroAndSlopeOne() {
        List<FoldPrediction> predictions = List.of(p(0.5, 1), p(0.5, 0), p(0.75, 1), p(0.75, 1), p(0.75, 1), p(0.75,
                0));
        assertEquals(0.0, Calibration.inTheLarge(predictions), 1e-9);
        double[] fit = Calibration.interceptAndSlope(predictions);
        assertEquals(0.0, fit[0], 1e-9);
        assertEquals(1.0, fit[1], 1e-9);
    }

    @Test
    void perfectlySeparatedLabelsHaveNoFiniteSlope() {
        List<FoldPrediction> predictions = List.of(p(0.2, 0), p(0.3, 0), p(0.7, 1), p(0.8, 1));
        assertTrue(Double.isNaN(Calibration.slope(predictions)));
    }

    @Test
    void labelsThatAreAllTheSameHaveNoFiniteCalibrationInTheLarge() {
        assertTrue(Double.isNaN(Calibration.inTheLarge(List.of(p(0.2, 1), p(0.6, 1)))));
    }

    @Test
    void cutsTheRankedRisksIntoTenEqualGroups() {
        List<FoldPrediction> predictions = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            // risks 0.01..0.20 in reverse order; the higher of each pair of neighbours had the event
            predictions.add(p(i / 100.0, i % 2 == 0 ? 1 : 0));
        }
        List<RiskDecile> deciles = Calibration.reliability(predictions);
        assertEquals(10, deciles.size());
        assertEquals(new RiskDecile(1, 2, 0.015, 0.5, 0.01, 0.02), rounded(deciles.get(0)));
        assertEquals(new RiskDecile(10, 2, 0.195, 0.5, 0.19, 0.2), rounded(deciles.get(9)));
    }

    @Test
    void sharesOutPatientsThatDoNotDivideByTen() {
        List<FoldPrediction> predictions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            predictions.add(p(i / 25.0 + 0.01, i < 5 ? 1 : 0));
        }
        List<RiskDecile> deciles = Calibration.reliability(predictions);
        // floor(k * 25 / 10) for k = 0..10: 0, 2, 5, 7, 10, 12, 15, 17, 20, 22, 25
        assertEquals(List.of(2, 3, 2, 3, 2, 3, 2, 3, 2, 3), deciles.stream().map(RiskDecile::patients).toList());
        assertEquals(1.0, deciles.get(0).observedRate());
        assertEquals(0.0, deciles.get(2).observedRate());
    }

    @Test
    void leavesOutEmptyDecilesOfATinySample() {
        assertEquals(3, Calibration.reliability(List.of(p(0.1, 0), p(0.2, 1), p(0.3, 1))).size());
    }

    private static RiskDecile rounded(RiskDecile decile) {
        return new RiskDecile(decile.decile(), decile.patients(), round(decile.meanRisk()), decile.observedRate(),
                round(decile.lowestRisk()), round(decile.highestRisk()));
    }

    private static double round(double value) {
        return Math.round(value * 1e9) / 1e9;
    }

    private static FoldPrediction p(double risk, int label) {
        return new FoldPrediction(label, risk, Map.of());
    }
}
