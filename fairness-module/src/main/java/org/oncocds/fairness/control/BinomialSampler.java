package org.oncocds.fairness.control;

import java.util.SplittableRandom;

/**
 * Exact binomial draws for the bootstrap, fast for large n: inversion when the mean is small, otherwise Knuth's
 * beta splitting (TAOCP vol. 2, 3.4.1): the a-th smallest of n uniforms is Beta(a, n + 1 - a) distributed, and the
 * uniforms on either side of it are again uniform, so the problem halves at each step.
 */
final class BinomialSampler {

    private static final double INVERSION_MEAN_LIMIT = 16;

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
        if (n * p < INVERSION_MEAN_LIMIT) {
            return byInversion(random, n, p);
        }
        long a = 1 + n / 2;
        long b = n + 1 - a;
        double x = beta(random, a, b);
        if (x >= p) {
            return draw(random, a - 1, p / x);
        }
        return a + draw(random, b - 1, (p - x) / (1 - x));
    }

    /** Walks the cumulative distribution from 0, using P(k+1)/P(k) = (n - k)/(k + 1) * p/q. */
    private static long byInversion(SplittableRandom random, long n, double p) {
        double q = 1 - p;
        double odds = p / q;
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

    private static double beta(SplittableRandom random, long a, long b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /** Marsaglia and Tsang (2000), for shape >= 1. */
    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
