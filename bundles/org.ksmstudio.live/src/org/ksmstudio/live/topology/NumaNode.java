package org.ksmstudio.live.topology;

import java.util.List;

/**
 * One NUMA node of the running machine.
 *
 * @param id             the node number
 * @param memTotalBytes  MemTotal of the node
 * @param memFreeBytes   MemFree of the node when read
 * @param cpus           the CPUs of the node, in increasing order
 */
public record NumaNode(int id, long memTotalBytes, long memFreeBytes, List<Integer> cpus) {

	public NumaNode {
		cpus = List.copyOf(cpus);
	}
}
