package org.oncocds.prediction.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well predicted risks agree with observed outcomes, by logistic recalibration of the outcome on the logit of the
 * predicted risk (Cox 1958; Van Calster et al., J Clin Epidemiol 2016):
 * <ul>
 * <li>calibration-in-the-large: {@code a} in {@code logit P(y=1) = a + logit(risk)} (slope fixed at 1); 0 = right on
 * average, above 0 = the risks are too low on average;</li>
 * <li>calibration slope: {@code b} in {@code logit P(y=1) = a + b logit(risk)}; 1 = ideal, below 1 = the risks are too
 * extreme (overfitting), above 1 = too moderate;</li>
 * <li>reliability by deciles of predicted risk: mean predicted risk against observed event rate.</li>
 * </ul>
 * Both fits are maximum likelihood by Newton-Raphson; a fit without a finite estimate (labels perfectly separated by
 * the risk, or all the same) gives NaN.
 */
final class Calibration {

    /** Risks are kept this far from 0 and 1 so that their logits stay finite. */
    private static final double EDGE = 1e-10;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-12;
    /**
     * Below this Fisher information per patient every fitted probability is 0 or 1: the labels are separated and the
     * maximum-likelihood estimate is infinite, whatever finite number the iteration stopped at.
     */
    private static final double SEPARATED = 1e-9;
    static final int DECILES = 10;

    private Calibration() {
    }

    static double inTheLarge(List<FoldPrediction> predictions) {
        double intercept = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double gradient = 0;
            double information = 0;
            for (FoldPrediction prediction : predictions) {
                double p = sigmoid(intercept + logit(prediction.risk()));
                gradient += prediction.label() - p;
                information += p * (1 - p);
            }
            if (information < SEPARATED * predictions.size()) {
                return Double.NaN;
            }
            double step = gradient / information;
            intercept += step;
            if (Math.abs(step) < TOLERANCE) {
                return intercept;
            }
        }
        return Double.NaN;
    }

    static double slope(List<FoldPrediction> predictions) {
        return interceptAndSlope(predictions)[1];
    }

    /** {@code [a, b]} of {@code logit P(y=1) = a + b logit(risk)}. */
    static double[] interceptAndSlope(List<FoldPrediction> predictions) {
        double a = 0;
        double b = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (FoldPrediction prediction : predictions) {
                double x = logit(prediction.risk());
                double p = sigmoid(a + b * x);
                double w = p * (1 - p);
                ga += prediction.label() - p;
                gb += (prediction.label() - p) * x;
                haa += w;
                hab += w * x;
                hbb += w * x * x;
            }
            double determinant = haa * hbb - hab * hab;
            if (haa < SEPARATED * predictions.size() || !(Math.abs(determinant) > 0)) {
                return new double[]{Double.NaN, Double.NaN};
            }
            double stepA = (hbb * ga - hab * gb) / determinant;
            double stepB = (haa * gb - hab * ga) / determinant;
            a += stepA;
            b += stepB;
            if (Math.abs(stepA) < TOLERANCE && Math.abs(stepB) < TOLERANCE) {
                return new double[]{a, b};
            }
        }
        return new double[]{Double.NaN, Double.NaN};
    }

    /**
     * The predictions sorted by risk and cut into ten groups of (nearly) equal size, group {@code k} holding ranks
     * {@code floor(k n / 10)} up to {@code floor((k + 1) n / 10)}; empty groups (fewer than ten predictions) are left out.
     */
    static List<RiskDecile> reliability(List<FoldPrediction> predictions) {
        List<FoldPrediction> sorted = new ArrayList<>(predictions);
        sorted.sort(Comparator.comparingDouble(FoldPrediction::risk));
        int n = sorted.size();
        List<RiskDecile> deciles = new ArrayList<>();
        for (int decile = 0; decile < DECILES; decile++) {
            List<FoldPrediction> group = sorted.subList((int) ((long) decile * n / DECILES), (int) ((long) (decile + 1)
                    * n / DECILES));
            if (!group.isEmpty()) {
                deciles.add(new RiskDecile(decile + 1, group.size(), group.stream().mapToDouble(FoldPrediction::risk)
                        .average().orElseThrow(),
                        group.stream().mapToInt(FoldPrediction::label).average()
                                .orElseThrow(),
                        group.get(0).risk(), group.get(group.size() - 1).risk()));
            }
        }
        return deciles;
    }

    private static double logit(double risk) {
        double p = Math.min(Math.max(risk, EDGE), 1 - EDGE);
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
