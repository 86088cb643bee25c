package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's performance on an outside cohort with follow-up: the task's label rules (event at or before the horizon =
 * 1, followed beyond it = 0, censored before it = no label) for the AUC and the calibration; every row, censoring
 * respected, for Harrell's C.
 */
public final class ExternalValidator {

    /** The figures of one external validation. */
    public record Report(int rows, int labelledRows, int events, int censoredBeforeHorizon, double auc,
            double harrellC, long comparablePairs, double calibrationInTheLarge, double calibrationSlope,
            double observedRate, double meanPredictedRisk) {
    }

    private ExternalValidator() {
    }

    /**
     * @param risk
     *            the predicted probability of the outcome by the horizon, per row
     * @param time
     *            follow-up in days
     * @param event
     *            whether follow-up ended with the task's event
     */
    public static Report validate(double[] risk, double[] time, boolean[] event, double horizonDays) {
        List<FoldPrediction> labelled = new ArrayList<>();
        int censored = 0;
        for (int i = 0; i < risk.length; i++) {
            var label = SurvivalLabel.of(time[i], event[i], horizonDays);
            if (label.isPresent()) {
                labelled.add(new FoldPrediction(label.get(), risk[i], Map.of()));
            } else {
                censored++;
            }
        }
        double[] labelledRisk = labelled.stream().mapToDouble(FoldPrediction::risk).toArray();
        int[] labels = labelled.stream().mapToInt(FoldPrediction::label).toArray();
        int events = (int) java.util.Arrays.stream(labels).filter(label -> label == 1).count();
        boolean bothLabels = events > 0 && events < labels.length;
        Concordance.Result c = Concordance.harrell(risk, time, event);
        return new Report(risk.length, labelled.size(), events, censored, Concordance.auc(labelledRisk, labels), c.c(),
                c.comparablePairs(), bothLabels ? Calibration.inTheLarge(labelled) : Double.NaN, bothLabels
                        ? Calibration.slope(labelled)
                        : Double.NaN,
                labels.length == 0 ? Double.NaN : (double) events / labels.length, labelled.stream().mapToDouble(
                        FoldPrediction::risk).average().orElse(Double.NaN));
    }
}
