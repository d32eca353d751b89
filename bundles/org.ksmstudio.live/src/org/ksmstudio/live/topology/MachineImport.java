package org.ksmstudio.live.topology;

import java.util.List;

/**
 * What was read from the running machine for a new scenario: its topology and the processes
 * with mergeable memory.
 *
 * @param topology  NUMA nodes, CPUs, distances
 * @param processes processes that use KSM, by pid
 * @param warnings  what could not be read, for the user
 */
public record MachineImport(NumaTopology topology, List<ImportedProcess> processes, List<String> warnings) {

	public MachineImport {
		processes = List.copyOf(processes);
		warnings = List.copyOf(warnings);
	}
}
