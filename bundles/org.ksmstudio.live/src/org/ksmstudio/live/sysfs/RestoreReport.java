package org.ksmstudio.live.sysfs;

import java.util.List;

/**
 * What a restore of KSM tunables did.
 *
 * @param writes     every write, in order, with its outcome
 * @param mismatches one sentence per tunable that does not read back as it was; empty when verified
 */
public record RestoreReport(List<WriteOutcome> writes, List<String> mismatches) {

	public RestoreReport {
		writes = List.copyOf(writes);
		mismatches = List.copyOf(mismatches);
	}

	/** Whether every tunable reads back as it was before the experiment. */
	public boolean verified() {
		return mismatches.isEmpty();
	}
}
