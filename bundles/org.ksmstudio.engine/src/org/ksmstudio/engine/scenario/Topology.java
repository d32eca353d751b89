package org.ksmstudio.engine.scenario;

import java.util.ArrayList;
import java.util.List;


/**
 * The simulated machine.
 *
 * @param arch     architecture name, e.g. {@code x86_64} (informative; x86 semantics are modelled)
 * @param pageSize base page size in bytes (4096 on x86_64), a power of two
 * @param cpuCount number of CPUs
 * @param nodes    NUMA nodes, ids 0..n-1 in order (at least one)
 * @param distance node distance matrix as in {@code numactl -H}: 10 local, larger is farther;
 *                 n x n, may be empty to mean 10 local / 20 remote
 * @param ksmdCpuNanos ksmd's CPU time since it started when the scenario starts, ns: what
 *                 {@code task_sched_runtime()} returns for ksmd, the first field of {@code /proc/PID/schedstat}.
 *                 Selecting advisor_mode scan-time zeroes the advisor's context but not this, so the
 *                 advisor's first step ({@code scan_time_advisor()}) counts it all as the CPU of its first scan.
 */
public record Topology(String arch, int pageSize, int cpuCount, List<NumaNode> nodes, List<List<Integer>> distance,
        long ksmdCpuNanos) {
    /** Most NUMA nodes a machine may have (the engine keeps a page's node in 6 bits). */
    public static final int MAX_NODES = 64;
    /**
     * ksmd's CPU time before a scenario when none is given: ten minutes, a machine that has run KSM for a
     * while (the reference kernel had 148 s after three hours of tests).
     */
    public static final long DEFAULT_KSMD_CPU_NANOS = 600_000_000_000L;

    /** A machine whose ksmd has {@link #DEFAULT_KSMD_CPU_NANOS} of CPU time. */
    public Topology(String arch, int pageSize, int cpuCount, List<NumaNode> nodes, List<List<Integer>> distance) {
        this(arch, pageSize, cpuCount, nodes, distance, DEFAULT_KSMD_CPU_NANOS);
    }

    public Topology {
        ScenarioException.check(ksmdCpuNanos >= 0, "topology.ksmdCpuNanos", ksmdCpuNanos, "must be >= 0");
        ScenarioException.check(pageSize >= 512 && Integer.bitCount(pageSize) == 1, "topology.pageSize", pageSize,
                "must be a power of two >= 512");
        ScenarioException.check(cpuCount >= 1, "topology.cpuCount", cpuCount, "must be >= 1");
        ScenarioException.require(nodes, "topology.nodes", "needs at least one node");
        ScenarioException.check(!nodes.isEmpty(), "topology.nodes", nodes, "needs at least one node");
        ScenarioException.check(nodes.size() <= MAX_NODES, "topology.nodes", nodes.size() + " nodes",
                "at most " + MAX_NODES);
        nodes = List.copyOf(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            ScenarioException.check(nodes.get(i).id() == i, "topology.nodes[" + i + "].id", nodes.get(i).id(),
                    "node ids must be 0..n-1 in order");
        }
        List<List<Integer>> d = new ArrayList<>();
        if (distance != null) {
            for (List<Integer> row : distance) {
                d.add(List.copyOf(row));
            }
        }
        if (!d.isEmpty()) {
            ScenarioException.check(d.size() == nodes.size(), "topology.distance", d.size() + " rows",
                    "must have one row per node");
            for (int i = 0; i < d.size(); i++) {
                ScenarioException.check(d.get(i).size() == nodes.size(), "topology.distance[" + i + "]",
                        d.get(i).size() + " columns", "must have one column per node");
            }
        }
        distance = List.copyOf(d);
        arch = arch == null ? "x86_64" : arch;
    }

    /** Distance between two nodes (10 local, 20 remote when no matrix is given). */
    public int distance(int from, int to) {
        if (distance.isEmpty()) {
            return from == to ? 10 : 20;
        }
        return distance.get(from).get(to);
    }

    /** This machine with ksmd's CPU time before the scenario set to {@code nanos}. */
    public Topology withKsmdCpuNanos(long nanos) {
        return new Topology(arch, pageSize, cpuCount, nodes, distance, nanos);
    }

    /** One node, 2 CPUs, 4 KiB pages, x86_64: the machine the reference data was measured on. */
    public static Topology singleNode(long memoryBytes, int cpus) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < cpus; i++) {
            ids.add(i);
        }
        return new Topology("x86_64", 4096, cpus, List.of(new NumaNode(0, memoryBytes, ids)), List.of());
    }
}
