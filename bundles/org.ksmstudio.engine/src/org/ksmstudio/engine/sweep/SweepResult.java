package org.ksmstudio.engine.sweep;

import java.io.Serializable;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What one unit measured (or why it failed).
 *
 * @param unit                  the unit
 * @param error                 null, or one line saying why the run failed (bad parameter, ...)
 * @param simulatedNanos        simulated time at the end
 * @param worstWalkNanos        longest single reverse-map walk
 * @param longestStretchNanos   longest time in R state without a reschedule point
 * @param p99MigrationNanos     99th percentile of page migration latency, one per NUMA node (0 if none)
 * @param maxMigrationNanos     worst page migration latency, one per NUMA node (0 if none)
 * @param pagesSaved            pages_sharing + ksm_zero_pages at the end
 * @param ksmPages              KSM pages in use
 * @param extraDupPages         pages spent on dups beyond one per content
 * @param generalProfit         general_profit, bytes
 * @param ksmdCpuShare          ksmd CPU time over simulated time (0..1), refile passes included
 * @param failures              pages not migrated or reclaimed because their walk was skipped
 */
public record SweepResult(SweepUnit unit, @Nullable String error, long simulatedNanos, long worstWalkNanos,
        long longestStretchNanos, List<Long> p99MigrationNanos, List<Long> maxMigrationNanos, long pagesSaved,
        long ksmPages, long extraDupPages, long generalProfit, double ksmdCpuShare, long failures)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepResult {
        p99MigrationNanos = List.copyOf(p99MigrationNanos);
        maxMigrationNanos = List.copyOf(maxMigrationNanos);
    }

    /** A failed unit. */
    public static SweepResult failed(SweepUnit unit, String error) {
        return new SweepResult(unit, error, 0, 0, 0, List.of(), List.of(), 0, 0, 0, 0, 0, 0);
    }

    public boolean ok() {
        return error == null;
    }
}
