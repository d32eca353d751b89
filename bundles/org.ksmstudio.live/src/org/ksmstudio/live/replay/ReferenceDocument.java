package org.ksmstudio.live.replay;

import java.util.List;

/**
 * A file in the {@code ksmstudio-kernel-reference-1} format: recorded cases and reverse-map
 * walk timings of one kernel.
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

	/** The format name written in every file. */
	public static final String FORMAT = "ksmstudio-kernel-reference-1";

	/** How {@link ReplayRunner} measures, for {@link #howCases()} of recorded files. */
	public static final String HOW_RECORDED = "Recorded by KSM Studio's replay on this machine: each process is a "
			+ "ksm-workload generator that mmaps one anonymous MADV_MERGEABLE region (MADV_NOHUGEPAGE) and fills it in "
			+ "page order with distinct_contents x copies_per_content pages (block: page i has content i / "
			+ "copies_per_content; interleave: i % distinct_contents), then unique_pages pages of unique content, then "
			+ "zero_pages zero-filled pages; processes are started one after the other. run=2, then the tunables are "
			+ "written, then run=1. A phase has converged when full_scans advanced by 2 since the last change of any "
			+ "counter; *_to_last_change count from the start of the phase (its action, done as soon as the previous "
			+ "phase has converged; a wait action waits first, then the phase starts). A sysfs action writes the files in the "
			+ "listed order; if run is 0 or 2 afterwards, expect is read 1 s later and also holds full_scans. The "
			+ "previous tunables were restored afterwards.";

	public ReferenceDocument {
		cases = List.copyOf(cases);
		rmapWalks = List.copyOf(rmapWalks);
	}
}
