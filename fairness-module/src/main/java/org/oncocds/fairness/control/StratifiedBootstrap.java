package org.oncocds.fairness.control;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The stratified bootstrap: each replicate resamples every group on its own, with replacement and at its own size,
 * so group sizes stay fixed as in the data; one seeded random stream, consumed in a fixed order, makes the replicates
 * reproducible.
 */
final class StratifiedBootstrap {

    private StratifiedBootstrap() {
    }

    /** Per group, per replicate, the measures of the resampled group. */
    static double[][][] measures(List<BootstrapCells> groups, int replicates, SplittableRandom random,
            double threshold) {
        double[][][] result = new double[groups.size()][replicates][];
        for (int r = 0; r < replicates; r++) {
            for (int g = 0; g < groups.size(); g++) {
                BootstrapCells cells = groups.get(g);
                double[] measures = Formulas.measures(cells.resample(random), threshold);
                int auc = Measure.AUC.ordinal();
                measures[auc] = Math.min(1, Math.max(0, measures[auc] + cells.aucCorrection()));
                result[g][r] = measures;
            }
        }
        return result;
    }
}
