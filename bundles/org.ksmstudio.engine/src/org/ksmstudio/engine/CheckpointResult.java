package org.ksmstudio.engine;

import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.engine.scenario.RunPlan;

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

    /** Counters smart scan moves pages between: compared by their sum. */
    private static final List<String> SMART_SCAN_MOVES = List.of("pages_unshared", "pages_volatile");

    /** The counters of {@code snapshot} compared with what {@code checkpoint} expects. */
    public static CheckpointResult of(KsmSnapshot snapshot, RunPlan.Checkpoint checkpoint) {
        List<Comparison> comparisons = new ArrayList<>();
        long expectedSum = 0;
        int unsharedOrVolatile = 0;
        for (RunPlan.Expected expected : checkpoint.expected()) {
            if (expected.pid() == 0 && SMART_SCAN_MOVES.contains(expected.counter())) {
                expectedSum += expected.value();
                unsharedOrVolatile++;
            }
        }
        boolean sumMatches = unsharedOrVolatile == 2 && snapshot.counters().smartScan() != 0
                && expectedSum == snapshot.counters().pagesUnshared() + snapshot.counters().pagesVolatile();
        for (RunPlan.Expected expected : checkpoint.expected()) {
            boolean bySum = sumMatches && expected.pid() == 0 && SMART_SCAN_MOVES.contains(expected.counter());
            comparisons.add(new Comparison(expected.counter(), expected.pid(), expected.value(),
                    value(snapshot, expected.counter(), expected.pid()), bySum));
        }
        return new CheckpointResult(checkpoint.name(), snapshot.timeNanos(), comparisons);
    }

    /** A counter of /sys/kernel/mm/ksm (pid 0) or of /proc/PID/ksm_stat; -1 when the process is gone. */
    public static long value(KsmSnapshot snapshot, String counter, int pid) {
        if (pid == 0) {
            return snapshot.counters().value(counter);
        }
        for (ProcessKsmStat stat : snapshot.processes()) {
            if (stat.pid() == pid) {
                return stat.value(counter);
            }
        }
        return -1;
    }
}
