package org.ksmstudio.live.capture;

import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.topology.NumaTopology;

/**
 * What a capture read from the running machine.
 *
 * @param topology      NUMA nodes, CPUs, distances, page size
 * @param ksm           the kernel's KSM tunables and counters when the capture ended, or null
 *                      when the kernel has no KSM
 * @param processes     the captured processes, in the order asked
 * @param contentCount  distinct non-zero contents over every region (ids 1..contentCount)
 * @param window        the window watched for writes
 * @param pagesRead     pages whose contents were read
 * @param readNanos     time spent reading them
 * @param warnings      what could not be read, one sentence each
 */
public record MachineCapture(NumaTopology topology, @Nullable KsmSample ksm, List<CapturedProcess> processes, int contentCount,
		Duration window, long pagesRead, long readNanos, List<String> warnings) {

	public MachineCapture {
		processes = List.copyOf(processes);
		warnings = List.copyOf(warnings);
	}

	/** Pages read per second of reading. */
	public double pagesPerSecond() {
		return readNanos == 0 ? 0 : pagesRead * 1e9 / readNanos;
	}
}
