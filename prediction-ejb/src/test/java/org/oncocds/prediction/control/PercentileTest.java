package org.oncocds.prediction.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentileTest {

    @Test
    void interpolatesBetweenOrderStatisticsAsRAndNumPyDo() {
        double[] values = {5, 1, 4, 2, 3};
        // position = fraction * (n - 1): 0.25 * 4 = 1 -> 2; 0.1 * 4 = 0.4 -> 1 + 0.4 * (2 - 1); 0.975 * 4 = 3.9 -> 4.9
        assertEquals(2.0, Percentile.of(values, 0.25), 1e-12);
        assertEquals(1.4, Percentile.of(values, 0.1), 1e-12);
        assertEquals(4.9, Percentile.of(values, 0.975), 1e-12);
        assertEquals(1.0, Percentile.of(values, 0), 1e-12);
        assertEquals(5.0, Percentile.of(values, 1), 1e-12);
        assertArrayEquals(new double[]{5, 1, 4, 2, 3}, values);
    }

    @Test
    void ofOneValueIsThatValue() {
        assertEquals(0.3, Percentile.of(new double[]{0.3}, 0.025));
    }

    @Test
    void refusesNoValuesAndFractionsOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[]{1}, 97.5));
    }
}
