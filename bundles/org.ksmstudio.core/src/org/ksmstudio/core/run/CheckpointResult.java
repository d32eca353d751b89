package org.ksmstudio.core.run;

import java.util.List;

/**
 * Counters at a checkpoint compared with what a real kernel showed.
 *
 * @param name        the checkpoint's name
 * @param timeNanos   simulated time when it was reached
 * @param comparisons one per expected value
 */
public record CheckpointResult(String name, long timeNanos, List<Comparison> comparisons) {

    public CheckpointResult {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One counter: expected (measured on a kernel) against simulated.
     *
     * @param bySum the counter is pages_unshared or pages_volatile, which smart scan moves pages
     *              between over time: it matches when their sum matches (the reference data's rule)
     */
    public record Comparison(String counter, int pid, long expected, long simulated, boolean bySum) {
        /** Whether the simulated value equals the measured one (or the sum does, see {@code bySum}). */
        public boolean matches() {
            return expected == simulated || bySum;
        }
    }

    /** Whether every counter matches. */
    public boolean matches() {
        return comparisons.stream().allMatch(Comparison::matches);
    }
}
