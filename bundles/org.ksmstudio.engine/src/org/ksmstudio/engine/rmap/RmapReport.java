package org.ksmstudio.engine.rmap;

import java.util.List;

/**
 * Reverse-map walk latencies per NUMA node and operation, and the memory side, at one moment.
 *
 * @param timeNanos  simulated time
 * @param policy     the policy of the run
 * @param operations one entry per (node, operation) that handled at least one page, by node then operation
 * @param memory     KSM pages, sharing and the pages dups cost
 */
public record RmapReport(long timeNanos, String policy, List<OperationStats> operations, KsmMemory memory) {

    public RmapReport {
        operations = List.copyOf(operations);
    }

    /** The entry of a node and operation, or null. */
    public OperationStats get(int node, RmapOperation op) {
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
