package org.ksmstudio.engine.rmap;

/**
 * Latency of the pages one operation handled on one NUMA node, over the simulated time so far.
 * A sample is one page (its walks, copy and fixed work), on the node the page was on.
 *
 * @param node                node of the pages
 * @param operation           the operation
 * @param count               pages handled (walked or skipped)
 * @param ksmPages            KSM pages among them
 * @param p50Nanos            median page latency
 * @param p99Nanos            99th percentile page latency
 * @param maxNanos            worst page latency
 * @param totalNanos          sum of page latencies
 * @param longestWalkNanos    longest single reverse-map walk
 * @param longestStretchNanos longest time in R state without a reschedule point
 * @param ipis                TLB-flush IPIs sent (host TLB and KVM remote flushes)
 * @param failures            pages that could not be migrated, reclaimed or unmapped because the walk was skipped
 */
public record OperationStats(int node, RmapOperation operation, long count, long ksmPages, long p50Nanos,
        long p99Nanos, long maxNanos, long totalNanos, long longestWalkNanos, long longestStretchNanos, long ipis,
        long failures) {
}
