package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.rmap.LatencyHistogram;

/** The log-bucketed histogram: exact count, sum, min, max; quantiles within 1/16. */
class LatencyHistogramTest {

    @Test
    void quantilesAreWithinOneSixteenthOfTheExactOnes() {
        SplittableRandom r = new SplittableRandom(3);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-uniform from 100 ns to 100 s
            values[i] = (long) Math.pow(10, 2 + 9 * r.nextDouble());
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] { 0.01, 0.5, 0.9, 0.99, 0.999 }) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            long approx = h.quantile(q);
            assertTrue(Math.abs(approx - exact) <= exact / 16 + 1, q + ": " + approx + " vs " + exact);
        }
        assertEquals(values.length, h.count());
        assertEquals(values[0], h.min());
        assertEquals(values[values.length - 1], h.max());
        assertEquals(Arrays.stream(values).sum(), h.sum());
    }

    @Test
    void equalValuesGiveThatValueAndEmptyGivesZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.quantile(0.99));
        for (int i = 0; i < 10; i++) {
            h.record(3_047_123);
        }
        assertEquals(3_047_123, h.quantile(0.5));
        assertEquals(3_047_123, h.quantile(0.99));
        h.record(0);
        h.record(Long.MAX_VALUE / 2);
        assertEquals(Long.MAX_VALUE / 2, h.max());
        LatencyHistogram copy = h.copy();
        copy.record(5);
        assertEquals(12, h.count());
        assertEquals(13, copy.count());
    }
}
