package org.ksmstudio.live.proc;

/**
 * One process's KSM figures from {@code /proc/PID/ksm_stat} and {@code /proc/PID/ksm_merging_pages}.
 * Fields the running kernel does not report are {@link #NOT_REPORTED}.
 *
 * @param pid            the process id
 * @param command        its name ({@code /proc/PID/comm})
 * @param rmapItems      ksm_rmap_items: pages of the process ksmd tracks
 * @param zeroPages      ksm_zero_pages: pages merged with the zero page (use_zero_pages)
 * @param mergingPages   ksm_merging_pages: pages of the process mapped to KSM pages
 * @param processProfit  ksm_process_profit in bytes
 * @param mergeAny       ksm_merge_any: the whole process is mergeable (PR_SET_MEMORY_MERGE)
 * @param mergeable      ksm_mergeable: the process has mergeable memory
 */
public record ProcessKsmStat(int pid, String command, long rmapItems, long zeroPages, long mergingPages,
		long processProfit, boolean mergeAny, boolean mergeable) {

	/** The value of a field the running kernel does not report. */
	public static final long NOT_REPORTED = -1;

	/** Whether KSM knows this process at all: mergeable memory, or pages tracked or merged. */
	public boolean usesKsm() {
		return mergeable || mergeAny || rmapItems > 0 || mergingPages > 0 || zeroPages > 0;
	}
}
