package org.ksmstudio.live.replay;

/**
 * Whether a reading of the KSM counters was taken inside one of ksmd's batches. ksmd changes its
 * counters page by page (cmp_and_merge_page takes an unshared page out of the unstable tree and
 * inserts it again, a skipped page leaves it), and the files of {@code /sys/kernel/mm/ksm} are
 * read one after the other, so a reading inside a batch can show counters that no batch ends with:
 * a change that is undone a moment later, or a settled look while the batch still works. A reading
 * is between batches when ksmd was asleep (not state R) just before and just after it and its CPU
 * time ({@code /proc/PID/schedstat}) did not move meanwhile.
 */
public final class BatchReading {

	private BatchReading() {
	}

	/**
	 * @param runningBefore ksmd's state R just before the reading
	 * @param cpuBefore     ksmd's CPU time just before the reading, ns, or -1 when unknown
	 * @param runningAfter  ksmd's state R just after the reading
	 * @param cpuAfter      ksmd's CPU time just after the reading, ns, or -1 when unknown
	 * @return whether ksmd may have been inside a batch during the reading
	 */
	public static boolean insideBatch(boolean runningBefore, long cpuBefore, boolean runningAfter, long cpuAfter) {
		return runningBefore || runningAfter || cpuBefore >= 0 && cpuAfter >= 0 && cpuBefore != cpuAfter;
	}
}
