package org.oncocds.fairness.control;

import java.util.SplittableRandom;

/**
 * Exact binomial draws for the bootstrap in constant expected time: inversion when the mean is under
 * {@value #INVERSION_MEAN_LIMIT}, otherwise Hörmann's transformed rejection with squeeze (BTRS; W. Hörmann, "The
 * generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993), as TensorFlow's binomial sampler
 * uses it.
 */
final class BinomialSampler {

    private static final double INVERSION_MEAN_LIMIT = 10;
    /** log k! - (log sqrt(2 pi) + (k + 1/2) log(k + 1) - (k + 1)) for k = 0..9. */
    private static final double[] STIRLING_TAIL = {0.0810614667953272, 0.0413406959554092, 0.0276779256849983,
            0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
            0.00925546218271273, 0.00833056343336287};

    private BinomialSampler() {
    }

    static long draw(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(random, n, 1 - p);
        }
        return n * p < INVERSION_MEAN_LIMIT ? byInversion(random, n, p) : byRejection(random, n, p);
    }

    /** Walks the cumulative distribution from 0, using P(k+1)/P(k) = (n - k)/(k + 1) * p/q. */
    private static long byInversion(SplittableRandom random, long n, double p) {
        double odds = p / (1 - p);
        double probability = Math.exp(n * Math.log1p(-p));
        double u = random.nextDouble();
        long k = 0;
        while (u > probability && k < n) {
            u -= probability;
            probability *= odds * (n - k) / (k + 1);
            k++;
        }
        return k;
    }

    /** BTRS, for p <= 0.5 and n p >= 10. */
    private static long byRejection(SplittableRandom random, long n, double p) {
        double spread = Math.sqrt(n * p * (1 - p));
        double b = 1.15 + 2.53 * spread;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double acceptBelow = 0.92 - 4.2 / b;
        double r = p / (1 - p);
        double alpha = (2.83 + 5.1 / b) * spread;
        double m = Math.floor((n + 1) * p);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= acceptBelow) {
                return (long) k;
            }
            double logV = Math.log(v * alpha / (a / (us * us) + b));
            double bound = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + (n + 1) * Math.log((n - m + 1) / (n
                    - k + 1)) + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1)) + stirlingTail(m) + stirlingTail(n - m)
                    - stirlingTail(k) - stirlingTail(n - k);
            if (logV <= bound) {
                return (long) k;
            }
        }
    }

    private static double stirlingTail(double k) {
        if (k <= 9) {
            return STIRLING_TAIL[(int) k];
        }
        double square = (k + 1) * (k + 1);
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / square) / square) / (k + 1);
    }
}
