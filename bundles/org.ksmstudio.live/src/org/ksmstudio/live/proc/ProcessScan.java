package org.ksmstudio.live.proc;

import java.util.List;

/**
 * The processes KSM knows, found by one pass over {@code /proc}.
 *
 * @param processes  processes with mergeable memory or KSM pages, by pid
 * @param unreadable how many processes could not be read (another user's, without root)
 */
public record ProcessScan(List<ProcessKsmStat> processes, int unreadable) {

	public ProcessScan {
		processes = List.copyOf(processes);
	}

	/** A sentence for the user when some processes were not readable, else empty. */
	public String unreadableMessage() {
		return unreadable == 0 ? ""
				: unreadable + " processes could not be read (their ksm_stat is readable by their owner and root only)";
	}
}
