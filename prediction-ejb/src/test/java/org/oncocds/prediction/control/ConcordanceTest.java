package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Harrell's C and the AUC on cases worked by hand, and against the O(n^2) definition on random data. */
class ConcordanceTest {

    @Test
    void harrellsCOnFourPatientsWorkedByHand() {
        // A(t1, event, .9) B(t2, event, .5) C(t3, censored, .7) D(t4, event, .1).
        // Comparable: AB AC AD (A had the event first), BC BD; not CD (C censored first).
        // Concordant: AB AC AD BD; BC discordant (B had the event but the lower risk). C = 4/5.
        Concordance.Result result = Concordance.harrell(new double[]{.9, .5, .7, .1}, new double[]{1, 2, 3, 4},
                new boolean[]{true, true, false, true});
        assertEquals(5, result.comparablePairs());
        assertEquals(0.8, result.c(), 1e-15);
    }

    @Test
    void anEventAndACensoringAtTheSameTimeAreComparableAndTiedRisksCountHalf() {
        // E(t2, censored, .5) added: BE comparable (event at the censoring time counts first), risks tie: 1/2;
        // AE concordant; EC and ED not comparable (E censored first). 5.5 / 7.
        Concordance.Result result = Concordance.harrell(new double[]{.9, .5, .7, .1, .5}, new double[]{1, 2, 3, 4, 2},
                new boolean[]{true, true, false, true, false});
        assertEquals(7, result.comparablePairs());
        assertEquals(5.5 / 7, result.c(), 1e-15);
    }

    @Test
    void twoEventsAtTheSameTimeAreNotComparable() {
        // F(t1, event, .2) added: AF tied events, not comparable; FB FE FC discordant, FD concordant. 6.5 / 11.
        Concordance.Result result = Concordance.harrell(new double[]{.9, .5, .7, .1, .5, .2}, new double[]{1, 2, 3,
                4, 2, 1}, new boolean[]{true, true, false, true, false, true});
        assertEquals(11, result.comparablePairs());
        assertEquals(6.5 / 11, result.c(), 1e-15);
    }

    @Test
    void noComparablePairGivesNaN() {
        assertTrue(Double.isNaN(Concordance.harrell(new double[]{.3, .4}, new double[]{5, 6}, new boolean[]{false,
                false}).c()));
    }

    @Test
    void aucCountsEachPositiveNegativePairAndTiesHalf() {
        assertEquals(0.75, Concordance.auc(new double[]{.8, .4, .6, .2}, new int[]{1, 1, 0, 0}), 1e-15);
        assertEquals(0.875, Concordance.auc(new double[]{.8, .6, .6, .2}, new int[]{1, 1, 0, 0}), 1e-15);
        assertTrue(Double.isNaN(Concordance.auc(new double[]{.8, .6}, new int[]{1, 1})));
    }

    @Test
    void agreesWithTheQuadraticDefinitionOnRandomDataWithTies() {
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            int n = 2 + random.nextInt(200);
            double[] risk = new double[n];
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            for (int i = 0; i < n; i++) {
                risk[i] = random.nextInt(20) / 20.0;
                time[i] = random.nextInt(30);
                event[i] = random.nextBoolean();
            }
            double comparable = 0;
            double concordant = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (event[i] && (time[i] < time[j] || (time[i] == time[j] && !event[j]))) {
                        comparable++;
                        concordant += risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0;
                    }
                }
            }
            Concordance.Result result = Concordance.harrell(risk, time, event);
            assertEquals(comparable, result.comparablePairs(), "round " + round);
            assertEquals(comparable == 0 ? Double.NaN : concordant / comparable, result.c(), 1e-12, "round " + round);
        }
    }
}
