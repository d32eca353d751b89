package org.ksmstudio.live.topology;

import java.util.List;

import org.ksmstudio.live.proc.MergeableRegion;
import org.ksmstudio.live.proc.ProcessKsmStat;

/**
 * A process of the running machine that uses KSM, to become a scenario process.
 *
 * @param stat    its KSM figures
 * @param regions its mergeable VMAs (empty when smaps was not readable or the whole
 *                process is mergeable through PR_SET_MEMORY_MERGE without mg VMAs yet)
 */
public record ImportedProcess(ProcessKsmStat stat, List<MergeableRegion> regions) {

	public ImportedProcess {
		regions = List.copyOf(regions);
	}

	/** The bytes of all mergeable regions. */
	public long mergeableBytes() {
		return regions.stream().mapToLong(MergeableRegion::sizeBytes).sum();
	}
}
