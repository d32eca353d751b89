package org.ksmstudio.engine.rmap;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Reverse-map walk latencies per NUMA node and operation, and the memory side, at one moment.
 *
 * @param timeNanos  simulated time
 * @param policy     the policy of the run
 * @param operations one entry per (node, operation) that handled at least one page, by node then operation
 * @param migrationP99Nanos 99th percentile of page migration latency per node (migrate_pages, move_pages and
 *                   compaction together), 0 where no page migrated
 * @param migrationMaxNanos worst page migration latency per node
 * @param memory     KSM pages, sharing and the pages dups cost
 * @param histograms the page latency buckets of each entry of {@code operations}, in the same order (taken
 *                   together with them), or empty when not recorded
 */
public record RmapReport(long timeNanos, String policy, List<OperationStats> operations, List<Long> migrationP99Nanos,
        List<Long> migrationMaxNanos, KsmMemory memory, List<LatencyBuckets> histograms) {

    public RmapReport {
        operations = List.copyOf(operations);
        migrationP99Nanos = List.copyOf(migrationP99Nanos);
        migrationMaxNanos = List.copyOf(migrationMaxNanos);
        histograms = List.copyOf(histograms);
        if (!histograms.isEmpty() && histograms.size() != operations.size()) {
            throw new IllegalArgumentException("histograms = " + histograms.size() + ": one per operation entry ("
                    + operations.size() + ") expected");
        }
    }

    /** A report without histograms. */
    public RmapReport(long timeNanos, String policy, List<OperationStats> operations, List<Long> migrationP99Nanos,
            List<Long> migrationMaxNanos, KsmMemory memory) {
        this(timeNanos, policy, operations, migrationP99Nanos, migrationMaxNanos, memory, List.of());
    }

    /**
     * The page latency histogram of a node and operation (log buckets, 16 per power of two), taken in the same
     * snapshot as {@link #get(int, RmapOperation)}; {@link LatencyBuckets#EMPTY} where none.
     */
    public LatencyBuckets histogram(int node, RmapOperation op) {
        for (int i = 0; i < operations.size() && i < histograms.size(); i++) {
            OperationStats s = operations.get(i);
            if (s.node() == node && s.operation() == op) {
                return histograms.get(i);
            }
        }
        return LatencyBuckets.EMPTY;
    }

    /** The entry of a node and operation, or null. */
    public @Nullable OperationStats get(int node, RmapOperation op) {
        for (OperationStats s : operations) {
            if (s.node() == node && s.operation() == op) {
                return s;
            }
        }
        return null;
    }

    /** Longest single walk over every node and operation, ns. */
    public long longestWalkNanos() {
        long m = 0;
        for (OperationStats s : operations) {
            m = Math.max(m, s.longestWalkNanos());
        }
        return m;
    }

    /** Longest R-state stretch over every node and operation, ns. */
    public long longestStretchNanos() {
        long m = 0;
        for (OperationStats s : operations) {
            m = Math.max(m, s.longestStretchNanos());
        }
        return m;
    }

    /** Failures (skipped walks) over every node and operation. */
    public long failures() {
        long m = 0;
        for (OperationStats s : operations) {
            m += s.failures();
        }
        return m;
    }
}
