package org.ksmstudio.engine.rmap;

import java.util.ArrayList;
import java.util.List;

/** Accumulates page latencies per (node, operation). Not thread-safe: the simulation serialises access. */
public final class RmapStatistics {
    private static final RmapOperation[] OPS = RmapOperation.values();

    private final int nodes;
    private final LatencyHistogram[] latency;
    private final long[] ksmPages;
    private final long[] longestWalk;
    private final long[] longestStretch;
    private final long[] ipis;
    private final long[] failures;
    /** page migrations of every operation that migrates, per node */
    private final LatencyHistogram[] migration;

    public RmapStatistics(int nodes) {
        this.nodes = nodes;
        int n = nodes * OPS.length;
        latency = new LatencyHistogram[n];
        ksmPages = new long[n];
        longestWalk = new long[n];
        longestStretch = new long[n];
        ipis = new long[n];
        failures = new long[n];
        migration = new LatencyHistogram[nodes];
        for (int i = 0; i < nodes; i++) {
            migration[i] = new LatencyHistogram();
        }
    }

    private int index(int node, RmapOperation op) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("node = " + node + ": no such NUMA node");
        }
        return node * OPS.length + op.ordinal();
    }

    /** Records one page handled by {@code op} on {@code node}. */
    public void recordPage(int node, RmapOperation op, boolean ksm, long nanos, long walkNanos, long stretchNanos,
            long pageIpis, boolean failed) {
        int i = index(node, op);
        if (latency[i] == null) {
            latency[i] = new LatencyHistogram();
        }
        latency[i].record(nanos);
        if (ksm) {
            ksmPages[i]++;
        }
        longestWalk[i] = Math.max(longestWalk[i], walkNanos);
        longestStretch[i] = Math.max(longestStretch[i], stretchNanos);
        ipis[i] += pageIpis;
        if (failed) {
            failures[i]++;
        } else if (op.migrates()) {
            migration[node].record(nanos);
        }
    }

    /** 99th percentile of page migration latency (every migrating operation), per node; 0 where none. */
    public List<Long> migrationP99() {
        List<Long> list = new ArrayList<>();
        for (LatencyHistogram h : migration) {
            list.add(h.quantile(0.99));
        }
        return list;
    }

    /** Worst page migration latency per node; 0 where none. */
    public List<Long> migrationMax() {
        List<Long> list = new ArrayList<>();
        for (LatencyHistogram h : migration) {
            list.add(h.max());
        }
        return list;
    }

    /** The latency buckets of every (node, operation) of {@link #snapshot()}, in the same order. */
    public List<LatencyBuckets> histograms() {
        List<LatencyBuckets> list = new ArrayList<>();
        for (LatencyHistogram h : latency) {
            if (h != null) {
                list.add(h.buckets());
            }
        }
        return list;
    }

    /** Every (node, operation) with at least one page, by node then operation. */
    public List<OperationStats> snapshot() {
        List<OperationStats> list = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            for (RmapOperation op : OPS) {
                int i = index(node, op);
                LatencyHistogram h = latency[i];
                if (h == null) {
                    continue;
                }
                list.add(new OperationStats(node, op, h.count(), ksmPages[i], h.quantile(0.50), h.quantile(0.99),
                        h.max(), h.sum(), longestWalk[i], longestStretch[i], ipis[i], failures[i]));
            }
        }
        return list;
    }
}
