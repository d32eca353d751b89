package org.ksmstudio.live.capture;

import java.util.Map;

/**
 * One captured VMA. Only the pages ksmd scans are kept: pages never faulted in, swapped out or
 * mapped to the kernel's zero page (other than the process's KSM zero pages) are skipped by
 * {@code scan_get_next_rmap_item()} and only counted.
 *
 * @param start          first address
 * @param end            address after the last byte
 * @param name           the mapping's name, empty for anonymous memory
 * @param mergeable      VM_MERGEABLE now ({@code mg}); false for a VMA captured by "all anonymous"
 * @param contentIds     the content id of each page ksmd scans, in address order (0 = zero-filled);
 *                       ids are shared by every region of one capture
 * @param notFaulted     pages never faulted in
 * @param swapped        pages swapped out
 * @param ksmPages       present pages mapped to a KSM page now (KPF_KSM), -1 when not readable
 * @param thpPages       present pages that are part of a transparent huge page (KPF_THP), -1 when not readable
 * @param zeroPageMapped present pages mapped to the kernel's zero page (KPF_ZERO_PAGE), -1 when not readable
 * @param volatilePages  present pages written during the window
 * @param nodePages      pages on each NUMA node ({@code numa_maps} N&lt;node&gt;=), by node id
 * @param frameSignature a hash of the page frame numbers of the present pages, equal in two
 *                       regions exactly when they map the same frames (0 when PFNs are hidden)
 */
public record CapturedRegion(long start, long end, String name, boolean mergeable, int[] contentIds, long notFaulted,
		long swapped, long ksmPages, long thpPages, long zeroPageMapped, long volatilePages,
		Map<Integer, Long> nodePages, long frameSignature) {

	public CapturedRegion {
		nodePages = Map.copyOf(nodePages);
	}

	/** Pages of the VMA. */
	public long sizePages(long pageSize) {
		return (end - start) / pageSize;
	}

	/** The pages captured: those ksmd scans. */
	public int presentPages() {
		return contentIds.length;
	}

	/** The node holding most of the region's pages, or -1 when numa_maps told nothing. */
	public int homeNode() {
		return nodePages.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey())
				.orElse(-1);
	}
}
