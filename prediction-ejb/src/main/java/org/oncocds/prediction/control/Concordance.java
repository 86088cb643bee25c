package org.oncocds.prediction.control;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Discrimination of predicted risks against observed outcomes.
 * <p>
 * Harrell's C on right-censored data: a pair of patients is comparable when the one with the shorter follow-up had the
 * event (a censored patient's true time is unknown beyond the censoring). It is concordant when that patient has the
 * higher predicted risk, half when the risks tie. Two events at the same time are not comparable; an event and a
 * censoring at the same time are, the event counted as earlier (Harrell 1996, as in R's {@code survival::concordance}
 * with {@code timewt = "n"}). O(n log n) with a Fenwick tree over the risk ranks.
 */
public final class Concordance {

    /** C and the number of comparable pairs. */
    public record Result(double c, long comparablePairs, double concordantPairs) {
    }

    private Concordance() {
    }

    /**
     * Harrell's C of {@code risk} against follow-up {@code time} and {@code event} (true = event, false = censored).
     * NaN when no pair is comparable.
     */
    public static Result harrell(double[] risk, double[] time, boolean[] event) {
        int n = risk.length;
        double[] distinctRisks = Arrays.stream(risk).sorted().distinct().toArray();
        Integer[] byTimeDescending = new Integer[n];
        for (int i = 0; i < n; i++) {
            byTimeDescending[i] = i;
        }
        Arrays.sort(byTimeDescending, Comparator.comparingDouble((Integer i) -> time[i]).reversed());
        long[] tree = new long[distinctRisks.length + 1];
        long inTree = 0;
        long comparable = 0;
        double concordant = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && time[byTimeDescending[end]] == time[byTimeDescending[start]]) {
                end++;
            }
            for (int k = start; k < end; k++) {
                int i = byTimeDescending[k];
                if (!event[i]) {
                    continue;
                }
                int rank = rank(distinctRisks, risk[i]);
                long lower = count(tree, rank);
                long tied = count(tree, rank + 1) - lower;
                comparable += inTree;
                concordant += lower + 0.5 * tied;
                for (int m = start; m < end; m++) {
                    int j = byTimeDescending[m];
                    if (!event[j]) {
                        comparable++;
                        concordant += risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0;
                    }
                }
            }
            for (int k = start; k < end; k++) {
                add(tree, rank(distinctRisks, risk[byTimeDescending[k]]) + 1);
                inTree++;
            }
            start = end;
        }
        return new Result(comparable == 0 ? Double.NaN : concordant / comparable, comparable, concordant);
    }

    /** Area under the ROC curve of {@code risk} for binary {@code label}s (ties count half); NaN without both labels. */
    public static double auc(double[] risk, int[] label) {
        int n = risk.length;
        boolean[] events = new boolean[n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            // An event "happens first" (time 0); a non-event is followed beyond it (time 1): C is then the AUC.
            events[i] = label[i] == 1;
            times[i] = label[i] == 1 ? 0 : 1;
        }
        long positives = Arrays.stream(label).filter(l -> l == 1).count();
        if (positives == 0 || positives == n) {
            return Double.NaN;
        }
        return harrell(risk, times, events).c();
    }

    private static int rank(double[] distinct, double value) {
        return Arrays.binarySearch(distinct, value);
    }

    /** How many inserted values have a rank below {@code rank} (0-based ranks, tree 1-based). */
    private static long count(long[] tree, int rank) {
        long sum = 0;
        for (int i = rank; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    private static void add(long[] tree, int position) {
        for (int i = position; i < tree.length; i += i & -i) {
            tree[i]++;
        }
    }
}
