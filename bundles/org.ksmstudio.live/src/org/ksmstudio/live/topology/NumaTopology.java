package org.ksmstudio.live.topology;

import java.util.List;

/**
 * The memory topology of the running machine, as a plain data structure to be turned into a
 * scenario's topology.
 *
 * @param nodes         the online nodes, by id
 * @param distances     SLIT distances: {@code distances.get(i).get(j)} from the i-th to the j-th
 *                      node of {@link #nodes()} (10 on the diagonal)
 * @param cpuCount      CPUs online
 * @param pageSizeBytes the base page size
 * @param architecture  the kernel's architecture name ({@code x86_64}, {@code aarch64}, ...)
 * @param hz            the kernel's CONFIG_HZ, 0 when its configuration could not be read
 * @param ksmdCpuNanos  ksmd's CPU time since it started ({@code /proc/PID/schedstat}), -1 when there is no ksmd
 */
public record NumaTopology(List<NumaNode> nodes, List<List<Integer>> distances, int cpuCount, long pageSizeBytes,
		String architecture, int hz, long ksmdCpuNanos) {

	/** A topology without the kernel's HZ and ksmd's CPU time. */
	public NumaTopology(List<NumaNode> nodes, List<List<Integer>> distances, int cpuCount, long pageSizeBytes,
			String architecture) {
		this(nodes, distances, cpuCount, pageSizeBytes, architecture, 0, -1);
	}

	public NumaTopology {
		nodes = List.copyOf(nodes);
		distances = distances.stream().map(List::copyOf).toList();
	}

	/** The distance between two nodes given by id. */
	public int distance(int fromNodeId, int toNodeId) {
		return distances.get(indexOf(fromNodeId)).get(indexOf(toNodeId));
	}

	private int indexOf(int nodeId) {
		for (int i = 0; i < nodes.size(); i++) {
			if (nodes.get(i).id() == nodeId) {
				return i;
			}
		}
		throw new IllegalArgumentException("no node " + nodeId);
	}
}
