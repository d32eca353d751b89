package org.ksmstudio.engine.scenario;

import java.util.List;

/**
 * One NUMA node of the simulated machine.
 *
 * @param id          node id, 0-based, equal to the index in {@link Topology#nodes()}
 * @param memoryBytes memory of the node in bytes (&gt; 0)
 * @param cpus        ids of the CPUs on this node
 */
public record NumaNode(int id, long memoryBytes, List<Integer> cpus) {
    public NumaNode {
        ScenarioException.check(id >= 0, "node.id", id, "must be >= 0");
        ScenarioException.check(memoryBytes > 0, "node[" + id + "].memoryBytes", memoryBytes, "must be > 0");
        cpus = List.copyOf(cpus);
    }
}
