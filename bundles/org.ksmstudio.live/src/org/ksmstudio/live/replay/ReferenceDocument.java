package org.ksmstudio.live.replay;

import java.util.List;

/**
 * A reference file ({@link org.ksmstudio.engine.reference.ReferenceFile#FORMAT}): recorded cases
 * and reverse-map walk timings of one kernel.
 *
 * @param kernel       the kernel release and architecture ({@code "6.18.44 x86_64"})
 * @param pageSize     bytes per page
 * @param howCases     how the cases were measured
 * @param howRmapWalks how the walks were measured
 * @param cases        the cases
 * @param rmapWalks    the walk timings
 */
public record ReferenceDocument(String kernel, long pageSize, String howCases, String howRmapWalks,
		List<RecordedCase> cases, List<RmapWalkMeasurement> rmapWalks) {

	/** How {@link ReplayRunner} measures, for {@link #howCases()} of recorded files. */
	public static final String HOW_RECORDED = "Recorded by KSM Studio's replay on this machine: the processes are "
			+ "started in the listed order; each is a ksm-workload generator that mmaps its regions (anonymous, "
			+ "MADV_MERGEABLE, MADV_NOHUGEPAGE; with huge_pages: aligned to 2 MiB and MADV_HUGEPAGE, the huge pages "
			+ "checked in AnonHugePages after the fill; pinned_pages from the region's first page are pinned by an "
			+ "io_uring registered buffer, pin_user_pages FOLL_LONGTERM, before any fork; regions at increasing "
			+ "addresses in the listed order) and fills each in page order with its contents (duplicates block: page "
			+ "i has content i / copies; interleave: i % distinct; then unique pages, zero-filled pages, or captured "
			+ "content ids from the page-contents file), then starts a writer thread per volatile region (its pages "
			+ "round-robin at pages_per_second); a fork_of process is fork()ed from its parent after the fill and "
			+ "sleeps. run=2 first, then the tunables are written, then the processes start, then run=1. A phase has "
			+ "converged when full_scans advanced by 2 since the last change of any counter, in readings taken while "
			+ "ksmd slept (not in state R before and after the reading, its CPU time unchanged: a reading inside a "
			+ "batch is skipped); *_to_last_change count from the start of the phase (its action, done as soon as "
			+ "the previous phase has converged; a wait action waits first, then the phase starts); action_delay_s "
			+ "is the time from the full scan that settled the previous phase (midway between the reading that saw "
			+ "it and the one before) to the start of this one. A sysfs action writes the files in the listed order; if "
			+ "run is 0 or 2 afterwards, expect is read 1 s later and also holds full_scans. per_process follows the "
			+ "processes' order. vmstat holds the /proc/vmstat events thp_split_page and thp_split_page_failed from the "
			+ "end of the fill to the end of the phase, for workloads with huge or pinned pages. The previous tunables "
			+ "were restored afterwards.";

	public ReferenceDocument {
		cases = List.copyOf(cases);
		rmapWalks = List.copyOf(rmapWalks);
	}
}
