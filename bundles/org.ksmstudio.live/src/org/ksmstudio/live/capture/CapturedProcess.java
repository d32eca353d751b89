package org.ksmstudio.live.capture;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.live.proc.ProcessKsmStat;

/**
 * One captured process.
 *
 * @param pid       its pid
 * @param parentPid its parent's pid ({@code PPid} of {@code /proc/PID/status})
 * @param command   its name
 * @param stat      its {@code ksm_stat}, or null when the kernel has none
 * @param forkOf    the captured process it is a copy-on-write fork of (same VMAs mapping the same
 *                  frames with the same contents), 0 if none
 * @param regions   its captured VMAs, in address order
 */
public record CapturedProcess(int pid, int parentPid, String command, @Nullable ProcessKsmStat stat, int forkOf,
		List<CapturedRegion> regions) {

	public CapturedProcess {
		regions = List.copyOf(regions);
	}

	/** Whether the whole process is mergeable (PR_SET_MEMORY_MERGE). */
	public boolean mergeAny() {
		return stat != null && stat.mergeAny();
	}

	/** Present pages of every region. */
	public long presentPages() {
		return regions.stream().mapToLong(CapturedRegion::presentPages).sum();
	}
}
